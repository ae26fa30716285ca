/**
 * Check the ledger against a copy of the article: every number, year and
 * quotation an entry holds must be findable in the text; so must every name
 * (unless the entry cites a `context` reference for it), the hedge word of
 * an approximate figure ("nearly", "some", "over" …), and the speaker of a
 * quotation. Pure: takes the article text, returns what it could not find.
 */
import type { Fact } from './ledger/schema.ts'
import { numbersOf } from './format.ts'

const WORDS: Record<number, string[]> = {
  1: ['one', 'a single'], 2: ['two'], 3: ['three'], 4: ['four'], 5: ['five'], 6: ['six'],
  7: ['seven'], 8: ['eight'], 9: ['nine'], 10: ['ten'], 12: ['twelve'], 20: ['twenty'],
}

export interface Unmatched {
  id: string
  /** What could not be found, e.g. `number 39000`, `quotation "…"`. */
  what: string
}

/** Ways a number may be written in the article: 39000, 39,000, or a word. */
export function spellings(n: number): string[] {
  const plain = String(n)
  const grouped = n >= 1000 ? n.toLocaleString('en-US') : plain
  return [...new Set([plain, grouped, ...(WORDS[n] ?? [])])]
}

function hasNumber(text: string, n: number): boolean {
  return spellings(n).some((s) => {
    const esc = s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
    return new RegExp(`(?<![\\w,])${esc}(?![\\w]|,\\d)`, 'i').test(text)
  })
}

/** The article's hedge words for each ledger qualifier. */
const HEDGES: Record<string, string[]> = {
  'about': ['about', 'around', 'roughly', 'approximately'],
  'nearly': ['nearly', 'almost'],
  'some': ['some'],
  'over': ['over', 'more than', 'surpassed', 'above'],
  'at least': ['at least'],
  'no less than': ['no less than'],
}

/** Text compared loosely: lower case, curly quotes and hyphens straightened, possessive 's dropped, spaces folded. */
function loose(text: string): string {
  return text.toLowerCase().replace(/[’‘]/g, '\'').replace(/'s\b/g, '').replace(/[-‐‑–—]+/g, ' ').replace(/\s+/g, ' ')
}

/** Whether the article names `name`, loosely, or names its part before a parenthesis, and its acronym. */
function namesIt(article: string, name: string): boolean {
  const a = loose(article)
  const m = /^(.*?)\s*\(([^)]+)\)$/.exec(name)
  const parts = m ? [m[1], m[2]] : [name]
  return parts.every(p => a.includes(loose(p).trim()))
}

/** Whether a hedge word for `qualifier` stands just before a spelling of `n` (at most one word between). */
function hasHedge(article: string, n: number, qualifier: string): boolean {
  return (HEDGES[qualifier] ?? [qualifier]).some(h => spellings(n).some((sp) => {
    const esc = (t: string) => t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
    return new RegExp(`\\b${esc(h)}\\s+(?:[\\w-]+\\s+)?${esc(sp)}(?![\\w]|,\\d)`, 'i').test(article)
  }))
}

/** The named part of a quotation's speaker: `CBSA documents` → `CBSA`. */
function speakerName(speaker: string): string {
  return speaker.replace(/(?:’s|'s)?\s+(?:internal\s+)?(?:document|documents|records|report)$/i, '').trim()
}

/** Entries whose numbers, years, names, hedge words or quotations are not in `article`. */
export function verifyAgainstArticle(facts: readonly Fact[], article: string): Unmatched[] {
  const out: Unmatched[] = []
  for (const f of facts) {
    const v = f.value
    if (v.kind === 'quotation') {
      if (!article.includes(v.text))
        out.push({ id: f.id, what: `quotation "${v.text.slice(0, 60)}${v.text.length > 60 ? '…' : ''}"` })
      if (f.status === 'quotation' && !namesIt(article, speakerName(v.speaker)))
        out.push({ id: f.id, what: `speaker "${v.speaker}"` })
      continue
    }
    if (v.kind === 'name' && !f.context && !namesIt(article, v.value))
      out.push({ id: f.id, what: `name "${v.value}" (cite a \`context\` reference if it comes from outside the article)` })
    for (const n of numbersOf(v)) {
      if (v.kind === 'date' && n !== v.year)
        continue // day of month: dates in the article carry no day
      if (!hasNumber(article, n))
        out.push({ id: f.id, what: `${v.kind} ${n}` })
    }
    if (v.kind === 'number' && v.qualifier && hasNumber(article, v.value) && !hasHedge(article, v.value, v.qualifier))
      out.push({ id: f.id, what: `"${v.qualifier}" before ${v.value} (the article's hedge word)` })
  }
  return out
}
