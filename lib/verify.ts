/**
 * Check the ledger against a copy of the article: every number, year and
 * quotation an entry holds must be findable in the text. Pure: takes the
 * article text, returns what it could not find.
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

/** Entries whose numbers, years or quotation text are not in `article`. */
export function verifyAgainstArticle(facts: readonly Fact[], article: string): Unmatched[] {
  const out: Unmatched[] = []
  for (const f of facts) {
    if (f.value.kind === 'quotation') {
      if (!article.includes(f.value.text))
        out.push({ id: f.id, what: `quotation "${f.value.text.slice(0, 60)}${f.value.text.length > 60 ? '…' : ''}"` })
      continue
    }
    for (const n of numbersOf(f.value)) {
      if (f.value.kind === 'date' && n !== f.value.year)
        continue // day of month: dates in the article carry no day
      if (!hasNumber(article, n))
        out.push({ id: f.id, what: `${f.value.kind} ${n}` })
    }
  }
  return out
}
