/**
 * The kit's ledger components as static HTML for the reading view:
 * `<Fact>`, `<Cite>`, `<Status>` and `<Quote>`, plus the references and
 * glossary lists. Each shows the text its Vue component shows, because both
 * call the same functions (lib/format.ts, lib/cite.ts); the unit tests mount
 * the components and compare.
 *
 * A citation marker links to the reference in the page's own sources list
 * (`#ref-fn7`, or `#ref-article` for a paragraph with no footnote), not to a
 * slide. Pure: data in, HTML out; data is always escaped.
 */
import type { Fact, GlossaryEntry, Reference } from '../ledger/schema.ts'
import { citationFor, describeReference, footnotesOf, statusText } from '../cite.ts'
import { formatFact } from '../format.ts'
import { esc } from './html.ts'

export interface LedgerData {
  ledger: ReadonlyMap<string, Fact>
  /** References by id (`article`, `fn1` …). */
  references: ReadonlyMap<string, Reference>
}

/** The icon a status badge shows before its label (aria-hidden: the label says it). As components/Status.vue. */
export const STATUS_ICON: Record<Fact['status'], string> = { documented: '■', reported: '▲', quotation: '❝', interpretation: '◆' }

/** Id of the sources-list entry a fact's marker links to. */
export function refAnchor(f: Fact): string {
  const notes = footnotesOf(f)
  return notes.length ? `ref-fn${notes[0]}` : 'ref-article'
}

/** The reference ids a fact rests on: its footnotes, or the article itself. */
export function referenceIds(f: Fact): string[] {
  const notes = footnotesOf(f)
  return notes.length ? notes.map(n => `fn${n}`) : ['article']
}

export function citeHtml(f: Fact, data: LedgerData): string {
  const c = citationFor(f, data.references)
  return `<a class="kit-cite-label rd-cite" href="#${refAnchor(f)}" aria-label="${esc(c.ariaLabel)}" data-cite="${esc(f.id)}">${esc(c.label)}</a>`
}

export function factHtml(f: Fact, data: LedgerData, opts: { unit?: boolean, cite?: boolean } = {}): string {
  const cite = opts.cite ?? true
  return `<span class="kit-fact" data-fact="${esc(f.id)}">${esc(formatFact(f, { unit: opts.unit ?? true }))}${cite ? citeHtml(f, data) : ''}</span>`
}

export function statusHtml(f: Fact): string {
  return `<span class="kit-status kit-status-${f.status}" data-status="${f.status}"><span aria-hidden="true">${STATUS_ICON[f.status]}</span> ${esc(statusText(f))}</span>`
}

/** A quotation entry as a figure with its speaker, marker and status; `undefined` when the entry is not a quotation. */
export function quoteHtml(f: Fact, data: LedgerData): string | undefined {
  if (f.value.kind !== 'quotation')
    return undefined
  return `<figure class="kit-quote" data-fact="${esc(f.id)}"><blockquote>“${esc(f.value.text)}”</blockquote>`
    + `<figcaption>— ${esc(f.value.speaker)} ${citeHtml(f, data)} ${statusHtml(f)}</figcaption></figure>`
}

/** A reference as the Sources slide words it (components/Sources.vue). */
export function referenceText(r: Reference): string {
  return r.id === 'article' ? `The article: ${r.publisher ?? ''}${r.date ? `, ${r.date}` : ''}: ${r.title}` : describeReference(r)
}

/** One `<li>` per reference, each with the id citation markers link to. */
export function referenceItems(refs: readonly Reference[]): string {
  return refs.map(r => `<li id="ref-${esc(r.id)}" data-ref="${esc(r.id)}" class="kit-ref-${r.availability}">`
    + `<span class="kit-ref-text">${esc(referenceText(r))}</span>`
    + `${r.url ? ` <a class="kit-ref-url" href="${esc(r.url)}" rel="noopener">${esc(r.url)}</a>` : ''}</li>`).join('\n')
}

/** The glossary in the Glossary slide's order (alphabetical, English collation). */
export function sortedGlossary(glossary: readonly GlossaryEntry[]): GlossaryEntry[] {
  return [...glossary].sort((a, b) => a.term.localeCompare(b.term, 'en'))
}

export function glossaryHtml(glossary: readonly GlossaryEntry[]): string {
  return `<dl class="rd-terms">\n${sortedGlossary(glossary).map(g => `<div class="kit-term" data-term="${esc(g.term)}"><dt>${esc(g.term)}${g.expansion ? `<span class="kit-muted"> (${esc(g.expansion)})</span>` : ''}</dt><dd>${esc(g.definition)}</dd></div>`).join('\n')}\n</dl>`
}
