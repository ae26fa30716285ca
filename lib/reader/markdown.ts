/**
 * A teaching slide's Markdown as reading-view HTML.
 *
 * - Markdown → HTML with markdown-it, with the options Slidev gives it
 *   (raw HTML allowed, bare links linked), so the text reads the same;
 * - HTML comments (speaker notes, markers) are dropped before rendering;
 * - the slide's title is taken out (the page shows it as the section
 *   heading) and its sub-headings follow it, one level below, whatever
 *   levels the slide used (`###` under an h2 section becomes h3, under the
 *   page's h1 an h2), so headings never skip a level;
 * - UnoCSS layout classes (`grid grid-cols-2 gap-8 mt-4 text-sm`) are
 *   dropped, so two-column slides read as one column; the kit's own `kit-*`
 *   classes stay;
 * - ```mermaid blocks become a figure the browser draws lazily, showing the
 *   diagram's accTitle and accDescr as text until it does;
 * - `<Fact>`, `<Cite>`, `<Status>` and `<Quote>` become the text their
 *   components show (ledger.ts). Any other component, or a Vue `{{ }}`, is
 *   an error: the reading view never shows markup a learner cannot read.
 *
 * Pure: Markdown and data in, HTML out.
 */
import type { Fact } from '../ledger/schema.ts'
import type { LedgerData } from './ledger.ts'
import MarkdownIt from 'markdown-it'
import { esc, ReaderError } from './html.ts'
import { citeHtml, factHtml, quoteHtml, statusHtml } from './ledger.ts'

/** Components a teaching slide may use in the reading view, and the props each accepts. */
export const INLINE_COMPONENTS = {
  Fact: ['id', 'unit', 'cite'],
  Cite: ['id'],
  Status: ['id'],
  Quote: ['id'],
} as const
type InlineName = keyof typeof INLINE_COMPONENTS

/** Classes that survive into the reading view; everything else is slide layout. */
const KEEP_CLASS = /^(?:kit-[\w-]+|rd-[\w-]+|mermaid-fit)$/

/** accTitle / accDescr of a Mermaid diagram (single-line forms). */
export function diagramLabels(source: string): { title?: string, description?: string } {
  const title = source.match(/^\s*accTitle\s*:\s*(.+?)\s*$/m)?.[1]
  const description = source.match(/^\s*accDescr\s*:\s*(.+?)\s*$/m)?.[1]
  return { title, description }
}

function createMarkdown(): MarkdownIt {
  const md = new MarkdownIt({ html: true, xhtmlOut: true, linkify: true })
  const fence = md.renderer.rules.fence!
  md.renderer.rules.fence = (tokens, idx, options, env, self) => {
    const t = tokens[idx]
    if (t.info.trim().split(/\s+/)[0] !== 'mermaid')
      return fence(tokens, idx, options, env, self)
    const { title, description } = diagramLabels(t.content)
    return [
      '<figure class="rd-diagram" data-diagram>',
      title ? `<figcaption class="rd-diagram-title">${esc(title)}</figcaption>` : '',
      `<div class="rd-diagram-canvas"><p class="rd-diagram-desc">${esc(description ?? 'A diagram.')}</p></div>`,
      `<template class="rd-diagram-src">${esc(t.content)}</template>`,
      '</figure>\n',
    ].join('')
  }
  return md
}

let shared: MarkdownIt | undefined
const markdown = () => (shared ??= createMarkdown())

/** Remove HTML comments: speaker notes written inside a slide, and any marker left. */
export function stripComments(text: string): string {
  return text.replace(/<!--[\s\S]*?(?:-->|$)/g, '')
}

/** The slide's `# Title` (first level-1 heading) and the Markdown without it. */
export function splitTitle(content: string): { title?: string, body: string } {
  const fence = content.search(/^```/m)
  const m = (fence < 0 ? content : content.slice(0, fence)).match(/^#[ \t]+(.+?)[ \t#]*$/m)
  if (!m)
    return { body: content }
  return { title: m[1].trim(), body: content.slice(0, m.index) + content.slice(m.index! + m[0].length) }
}

/** Inline Markdown (a title with `code` or *emphasis*) as HTML, without a paragraph. */
export function renderInline(text: string): string {
  return markdown().renderInline(text)
}

function keepClasses(html: string): string {
  return html.replace(/\sclass="([^"]*)"/g, (_, list: string) => {
    const kept = list.split(/\s+/).filter(c => KEEP_CLASS.test(c))
    return kept.length ? ` class="${kept.join(' ')}"` : ''
  })
}

/** `id="x" :unit="false"` → `{ id: 'x', unit: false }`. Bound (`:`) values must be JSON. */
export function parseProps(attrs: string, where: string): Record<string, string | number | boolean> {
  const out: Record<string, string | number | boolean> = {}
  const rest = attrs.replace(/(:?)([A-Za-z][\w-]*)="([^"]*)"/g, (_, bound: string, name: string, raw: string) => {
    if (!bound) {
      out[name] = raw
      return ''
    }
    try {
      const v = JSON.parse(raw) as unknown
      if (typeof v !== 'string' && typeof v !== 'number' && typeof v !== 'boolean')
        throw new Error('not a plain value')
      out[name] = v
    }
    catch {
      throw new ReaderError(where, `:${name}="${raw}" is not a plain value the reading view can use (true, false, a number or a string)`)
    }
    return ''
  })
  if (rest.trim())
    throw new ReaderError(where, `cannot read the attributes \`${rest.trim()}\``)
  return out
}

/**
 * Components the reading view does not draw, with what it says in their
 * place; the section's link leads to the slide that shows them.
 */
export const DECK_ONLY: Record<string, string> = {
  UnitPlan: 'The slide in the deck shows the unit plan here: each module\'s minutes in the lecture and its questions.',
}

/** A self-closing component tag: `<Fact id="x" :unit="false" />`. */
const COMPONENT = /<([A-Z][A-Za-z0-9]*)\b([^<>]*?)\s*\/>/g

export interface RenderedSlide {
  html: string
  /** Ledger ids whose citation markers the slide shows (for the page's sources list). */
  cited: Set<string>
}

/** Replace the ledger components in `html` with their text. Throws on anything else. */
export function renderComponents(html: string, data: LedgerData, where: string): RenderedSlide {
  const cited = new Set<string>()
  const fact = (name: string, id: unknown): Fact => {
    const f = typeof id === 'string' ? data.ledger.get(id) : undefined
    if (!f)
      throw new ReaderError(where, `<${name} id="${String(id)}">: no such entry in sources/facts.yaml`)
    return f
  }
  const out = html.replace(COMPONENT, (tag, name: string, attrs: string) => {
    if (name in DECK_ONLY)
      return `<span class="read-deck-only">${esc(DECK_ONLY[name])}</span>`
    if (!(name in INLINE_COMPONENTS))
      throw new ReaderError(where, `${tag}: the reading view cannot show <${name}> on a teaching slide (it knows ${Object.keys(INLINE_COMPONENTS).map(n => `<${n}>`).join(', ')})`)
    const props = parseProps(attrs, where)
    const allowed: readonly string[] = INLINE_COMPONENTS[name as InlineName]
    const unknown = Object.keys(props).filter(p => !allowed.includes(p))
    if (unknown.length)
      throw new ReaderError(where, `${tag}: unknown prop(s) ${unknown.join(', ')}`)
    const f = fact(name, props.id)
    switch (name as InlineName) {
      case 'Fact':
        if (props.cite !== false)
          cited.add(f.id)
        return factHtml(f, data, { unit: props.unit !== false, cite: props.cite !== false })
      case 'Cite':
        cited.add(f.id)
        return citeHtml(f, data)
      case 'Status':
        return statusHtml(f)
      case 'Quote': {
        const q = quoteHtml(f, data)
        if (!q)
          throw new ReaderError(where, `${tag}: <Quote> needs a quotation entry, and "${f.id}" is a ${f.value.kind}`)
        cited.add(f.id)
        return q
      }
    }
  })
  const left = out.match(/<\/?[A-Z][A-Za-z0-9]*\b[^>]*>/)
  if (left)
    throw new ReaderError(where, `${left[0]}: the reading view cannot show this component (write it self-closing, and only ${Object.keys(INLINE_COMPONENTS).map(n => `<${n}>`).join(', ')} on a teaching slide)`)
  if (out.includes('{{'))
    throw new ReaderError(where, 'a Vue `{{ … }}` expression: the reading view shows static text only')
  return { html: out, cited }
}

/**
 * Markdown as HTML, its headings renumbered to follow a heading of level
 * `under`: the slide's highest sub-heading level becomes `under + 1`, the
 * next `under + 2`, and so on (never beyond h6).
 */
export function renderMarkdown(text: string, under: number): string {
  const md = markdown()
  const tokens = md.parse(text, {})
  const levels = [...new Set(tokens.filter(t => t.type === 'heading_open').map(t => Number(t.tag.slice(1))))].sort()
  for (const t of tokens) {
    if (t.type === 'heading_open' || t.type === 'heading_close')
      t.tag = `h${Math.min(6, under + 1 + levels.indexOf(Number(t.tag.slice(1))))}`
  }
  return md.renderer.render(tokens, md.options, {})
}

/** A teaching slide's body (its title already taken out) as HTML, under a heading of level `under` (default 2). */
export function renderSlideBody(body: string, data: LedgerData, where: string, under = 2): RenderedSlide {
  const html = keepClasses(renderMarkdown(stripComments(body), under))
  return renderComponents(html, data, where)
}
