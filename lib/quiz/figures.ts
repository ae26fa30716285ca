/**
 * Figures in quiz text and what the ledger says about them.
 *
 * A true/false stem, an option, a statement, a pair or an item restates
 * ledger facts when it carries a figure, a year or a date. The question names
 * the fact each figure restates (`restates:`, or the part's own `fact:`), and
 * this module decides from the ledger whether the figure is right:
 *
 *   “early 2014” restates `us-china-mou-2015` (early 2015)  → differs
 *   “2014 (some 2,143)” restates `ca-removal-inventory-2014` → matches (value and `as_of`)
 *   “March 2022” restates `sky-net-expansion-2022` (2022)   → undecided (the text is more precise than the ledger)
 *
 * Pure: text and ledger in, verdicts out. Shared by the validator and its tests.
 */
import type { Fact } from '../ledger/schema.ts'
import { formatValue } from '../format.ts'

/** Words that stand for small numbers in a `restates` key ("eight areas", "one trip"). */
const NUMBER_WORDS: Record<string, number> = {
  one: 1, single: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, twenty: 20, sixty: 60,
}

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december']
const SEASONS = ['spring', 'summer', 'autumn', 'winter', 'christmas'] as const
const PARTS = ['early', 'mid', 'late'] as const

/**
 * References that look like figures but are structure, not facts:
 * "footnote 7", "[13, 14]", "paragraph 8", "¶8", "Module 4", "type 2",
 * "points four, five and six".
 */
const STRUCTURAL: RegExp[] = [
  /\bfootnotes?\s+\[?\d+\]?(?:(?:\s*,\s*|\s+and\s+|\s*[–-]\s*)\[?\d+\]?)*/gi,
  /\[\d+(?:\s*,\s*\d+)*\]/g,
  /\bparagraphs?\s+\d+(?:(?:\s*,\s*|\s+and\s+|\s*[–-]\s*)\d+)*/gi,
  /¶\s*\d+/g,
  /\bmodules?\s+\d+(?:(?:\s*,\s*|\s+and\s+|\s*[–-]\s*)\d+)*/gi,
  /\btypes?\s+\d(?:\s+(?:and|or)\s+\d)?\b/gi,
]

/** `text` with structural numbers blanked out, same length. */
export function withoutStructure(text: string): string {
  let out = text
  for (const re of STRUCTURAL)
    out = out.replace(re, m => m.replace(/\d/g, ' '))
  return out
}

/** One figure written in a text: the number, and the date words around it. */
export interface Figure {
  /** The number, commas removed. */
  n: number
  /** Where it starts in the text. */
  index: number
  /** Its length in the text. */
  length: number
  /** A month, season or part written just before it (`early 2015`, `autumn 2016`, `March 2022`). */
  month?: number
  season?: typeof SEASONS[number]
  part?: typeof PARTS[number]
}

/** Figures written with digits, structure aside: the figures a learner reads. */
export function digitFigures(text: string): Figure[] {
  const plain = withoutStructure(text)
  return [...plain.matchAll(/(?<![A-Za-z\d.,])(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?(?!\d)/g)]
    .map(m => ({ n: Number(m[1].replace(/,/g, '') + (m[2] ?? '')), index: m.index!, length: m[0].length, ...dateWords(text.slice(0, m.index!)) }))
}

/** Figures in a `restates` key: digits, and number words such as "eight" or "one". */
export function keyFigures(key: string): Figure[] {
  const figures = digitFigures(key)
  for (const m of key.matchAll(/\b([a-z]+)\b/gi)) {
    const n = NUMBER_WORDS[m[1].toLowerCase()]
    if (n !== undefined)
      figures.push({ n, index: m.index!, length: m[0].length })
  }
  return figures.sort((a, b) => a.index - b.index)
}

/** Date words immediately before a year: "early", "mid-", "autumn", "Christmas", "March". */
function dateWords(before: string): Pick<Figure, 'month' | 'season' | 'part'> {
  const words = before.toLowerCase().match(/([a-z]+)[\s-]*(?:([a-z]+)[\s-]*)?$/)
  if (!words)
    return {}
  const out: Pick<Figure, 'month' | 'season' | 'part'> = {}
  for (const w of [words[1], words[2]].filter(Boolean) as string[]) {
    const month = MONTHS.indexOf(w)
    if (month >= 0)
      out.month = month + 1
    if ((SEASONS as readonly string[]).includes(w))
      out.season = w as typeof SEASONS[number]
    if ((PARTS as readonly string[]).includes(w))
      out.part = w as typeof PARTS[number]
  }
  return out
}

/** What the ledger says about one figure restating one fact. */
export type Verdict =
  | { kind: 'match' }
  | { kind: 'differs', why: string }
  | { kind: 'undecided', why: string }

const isYear = (n: number) => Number.isInteger(n) && n >= 1900 && n <= 2100

/** The years an `as_of` mentions, e.g. "2014 to early 2017" → 2014, 2017. */
function asOfYears(f: Fact): number[] {
  return [...(f.as_of ?? '').matchAll(/\b(19|20)\d\d\b/g)].map(m => Number(m[0]))
}

/** Whether one figure agrees with the value (or the `as_of` year) of one fact. */
export function judgeFigure(figure: Figure, f: Fact): Verdict {
  const v = f.value
  const held = `\`${f.id}\`, which holds ${formatValue(v)}${f.as_of ? `, as of ${f.as_of}` : ''}`
  const asOfMatch = isYear(figure.n) && asOfYears(f).includes(figure.n)
  const dated = figure.month !== undefined || figure.season !== undefined || figure.part !== undefined
  switch (v.kind) {
    case 'number':
      if (figure.n === v.value || asOfMatch)
        return { kind: 'match' }
      return { kind: 'differs', why: held }
    case 'range':
      if (figure.n === v.min || figure.n === v.max || asOfMatch)
        return { kind: 'match' }
      return { kind: 'differs', why: held }
    case 'period':
      if (figure.n === v.from || figure.n === v.to)
        return { kind: 'match' }
      return { kind: 'differs', why: held }
    case 'year':
      if (figure.n !== v.value)
        return { kind: 'differs', why: held }
      return dated ? { kind: 'undecided', why: `${held}, with no month, season or part of the year` } : { kind: 'match' }
    case 'date': {
      if (figure.n !== v.year)
        return { kind: 'differs', why: held }
      for (const key of ['month', 'season', 'part'] as const) {
        if (figure[key] === undefined)
          continue
        if (v[key] === undefined)
          return { kind: 'undecided', why: `${held}, with no ${key}` }
        if (v[key] !== figure[key])
          return { kind: 'differs', why: held }
      }
      return { kind: 'match' }
    }
    default:
      return asOfMatch ? { kind: 'match' } : { kind: 'differs', why: `${held}, which is not a figure` }
  }
}

/** The verdict on a whole text: every restated figure matches → true; any differs → false; else undecided. */
export type Truth =
  | { kind: 'true' }
  | { kind: 'false', why: string }
  | { kind: 'undecided', why: string }

/** Combine the verdicts of every (figure, fact) pair of a text. */
export function combine(verdicts: readonly { figure: string, verdict: Verdict }[]): Truth {
  if (verdicts.length === 0)
    return { kind: 'undecided', why: 'it restates no figure of the ledger' }
  const differs = verdicts.find(v => v.verdict.kind === 'differs')
  if (differs)
    return { kind: 'false', why: `“${differs.figure}” restates ${(differs.verdict as { why: string }).why}` }
  const undecided = verdicts.find(v => v.verdict.kind === 'undecided')
  if (undecided)
    return { kind: 'undecided', why: `“${undecided.figure}” restates ${(undecided.verdict as { why: string }).why}` }
  return { kind: 'true' }
}
