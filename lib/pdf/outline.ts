/**
 * The PDF outline (bookmarks): one entry per part of the deck under its own
 * title (the title slide, each module, the final review, the sources, the
 * glossary, the answer key), its pages nested under it. Parts come from
 * lib/plan.ts, so the bookmarks, the plan and the presenter's pace agree.
 *
 * Written in the line format of @lillallol/outline-pdf: `page|dashes|title`;
 * a leading `-` on the page folds the entry.
 */
import type { PlanSlide } from '../plan.ts'
import { groupBySection } from '../plan.ts'

export interface OutlineEntry {
  /** Page in the PDF, from 1. */
  page: number
  title: string
  children?: OutlineEntry[]
}

/** Characters the outline format cannot hold in a title. */
function clean(title: string): string {
  return title.replace(/\|/g, '/').replace(/\s+/g, ' ').trim() || '(untitled)'
}

/**
 * One entry per part, at its first page, with each slide nested under it.
 * `slides[i]` is on page `pages[i]`.
 */
export function sectionOutline(slides: readonly PlanSlide[], pages: readonly number[], moduleTitles: Readonly<Record<number, string>> = {}): OutlineEntry[] {
  const page = new Map(slides.map((s, i) => [s, pages[i]]))
  return groupBySection(slides, moduleTitles).map(g => ({
    page: page.get(g.slides[0])!,
    title: g.section.title,
    children: g.slides.length > 1 || g.slides[0].title !== g.section.title
      ? g.slides.map(s => ({ page: page.get(s)!, title: s.title }))
      : undefined,
  }))
}

/** Shift every page of an outline by `by` (for a document appended after others). */
export function shiftOutline(entries: readonly OutlineEntry[], by: number): OutlineEntry[] {
  return entries.map(e => ({ page: e.page + by, title: e.title, children: e.children && shiftOutline(e.children, by) }))
}

/** The outline in @lillallol/outline-pdf's line format. */
export function outlineText(entries: readonly OutlineEntry[], depth = 0): string {
  return entries.map((e) => {
    const head = `${e.children?.length ? '-' : ''}${e.page}|${'-'.repeat(depth)}|${clean(e.title)}`
    return e.children?.length ? `${head}\n${outlineText(e.children, depth + 1)}` : head
  }).join('\n')
}

/**
 * Speaker notes as plain text: Markdown emphasis and HTML removed,
 * character references (the escaped data in quiz notes) decoded, the
 * source's hard line breaks joined, paragraphs kept apart by a blank line.
 */
export function plainNotes(note: string): string {
  return note
    .replace(/<[^>]+>/g, '')
    .replace(/\*\*([^*]+)\*\*/g, '$1')
    .replace(/`([^`]+)`/g, '$1')
    .replace(/&#(\d+);/g, (_, n: string) => String.fromCodePoint(Number(n)))
    .replace(/&(lt|gt|quot|amp);/g, (_, e: string) => ({ lt: '<', gt: '>', quot: '"', amp: '&' })[e]!)
    .split(/\n\s*\n/)
    .map(p => p.replace(/\s*\n\s*/g, ' ').trim())
    .filter(Boolean)
    .join('\n\n')
}
