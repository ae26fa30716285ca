/**
 * Citation markers: what a `<Cite>` shows for a ledger entry and what its
 * tooltip says. Pure, so the wording is tested without a browser.
 */
import type { Fact, Reference } from './ledger/schema.ts'
import { SECTIONS, STATUS_LABEL } from './ledger/labels.ts'

/** Text shown for a reference whose footnote has no text in the source. */
export const NOT_GIVEN = 'not given in the source'

export interface Citation {
  /** Short marker, e.g. `[7]`, `[13, 14]`, `¶8`. */
  label: string
  /** Accessible name for the marker link. */
  ariaLabel: string
  /** The fact's claim in our words. */
  claim: string
  /** e.g. "Reported by Reuters", "Interpretation". */
  status: string
  /** One line per supporting reference, e.g. "[7] Reuters, 2015-09-11: …". */
  sources: string[]
}

export function statusText(f: Pick<Fact, 'status' | 'outlet'>): string {
  return f.status === 'reported' && f.outlet ? `Reported by ${f.outlet}` : STATUS_LABEL[f.status]
}

/** Prefix of a reference of kind `context`: background from outside the article. */
export const OUTSIDE = 'Outside the article'

export function describeReference(r: Reference): string {
  const head = r.footnote ? `[${r.footnote}] ` : r.id.startsWith('ctx-') ? `${OUTSIDE}: ` : ''
  if (r.availability === 'missing')
    return `${head}Footnote text ${NOT_GIVEN}`
  const by = [r.publisher, r.date].filter(Boolean).join(', ')
  const tail = r.availability === 'foi' ? ' (released under FOI, available on request)' : ''
  return `${head}${by ? `${by}: ` : ''}${r.title}${tail}`
}

/** The footnote numbers a fact rests on, including a footnote whose text holds it. */
export function footnotesOf(f: Fact): number[] {
  const all = [...(f.source.in_footnote ? [f.source.in_footnote] : []), ...f.source.footnotes]
  return [...new Set(all)].sort((a, b) => a - b)
}

export function citationFor(f: Fact, references: ReadonlyMap<string, Reference>): Citation {
  const notes = footnotesOf(f)
  const place = f.source.paragraph ? `paragraph ${f.source.paragraph}` : `footnote ${f.source.in_footnote}`
  const label = notes.length ? `[${notes.join(', ')}]` : `¶${f.source.paragraph}`
  const sources = notes.length
    ? notes.map(n => references.get(`fn${n}`)).map((r, i) => r ? describeReference(r) : `[${notes[i]}] ${NOT_GIVEN}`)
    : [`The article, ${SECTIONS[f.source.section]}, ${place} (no footnote)`]
  return {
    label,
    ariaLabel: `Source ${label}: article ${place}`,
    claim: f.claim,
    status: statusText(f),
    sources,
  }
}

/** Every reference line behind `factIds`, each once, in the order first cited. Unknown ids are skipped. */
export function questionSources(factIds: readonly string[], ledger: ReadonlyMap<string, Fact>, references: ReadonlyMap<string, Reference>): string[] {
  return [...new Set(factIds.flatMap((id) => {
    const f = ledger.get(id)
    return f ? citationFor(f, references).sources : []
  }))]
}

/** The short citation labels (`[7]`, `¶8`) of `factIds`, each once. Unknown ids are skipped. */
export function questionLabels(factIds: readonly string[], ledger: ReadonlyMap<string, Fact>, references: ReadonlyMap<string, Reference>): string[] {
  return [...new Set(factIds.flatMap((id) => {
    const f = ledger.get(id)
    return f ? [citationFor(f, references).label] : []
  }))]
}
