/**
 * Answers a question takes from the fact ledger: the text an option shows,
 * the interval a numeric answer accepts, the date of an ordering item, the
 * category of a classify statement, and whether the figures a text restates
 * agree with the ledger. Shared by grading, validation and the answer key,
 * so that all three read the ledger the same way.
 */
import type { Fact, Value } from '../ledger/schema.ts'
import { dateKey, formatFact } from '../format.ts'
import type { Figure, Truth, Verdict } from './figures.ts'
import { combine, digitFigures, judgeFigure, keyFigures } from './figures.ts'
import type { Category, ClassifyQuestion, NumericQuestion, Option, OrderingQuestion, Scheme } from './schema.ts'

/** The fact ledger, keyed by id. */
export type Ledger = ReadonlyMap<string, Fact>

/** Value kinds a numeric question can be answered from. */
export const NUMERIC_KINDS = ['number', 'range', 'year'] as const

/** Whether a value is a figure a learner can type. */
export function isNumericValue(v: Value): v is Extract<Value, { kind: typeof NUMERIC_KINDS[number] }> {
  return (NUMERIC_KINDS as readonly string[]).includes(v.kind)
}

/** The text an option shows: its `text`, else the formatted value of its `fact`, else its fact id. */
export function optionText(option: Option, ledger: Ledger): string {
  if (option.text !== undefined)
    return option.text
  const fact = option.fact === undefined ? undefined : ledger.get(option.fact)
  return fact ? formatFact(fact) : (option.fact ?? '')
}

/** The true value(s) of a numeric question as `[low, high]` (equal for a single figure), or `undefined` if the ledger lacks it. */
export function numericTruth(q: NumericQuestion, ledger: Ledger): [number, number] | undefined {
  if ('value' in q.answer)
    return [q.answer.value, q.answer.value]
  const v = ledger.get(q.answer.fact)?.value
  if (!v || !isNumericValue(v))
    return undefined
  return v.kind === 'range' ? [v.min, v.max] : [v.value, v.value]
}

/** The interval a numeric question accepts, inclusive: its `range`, else the truth widened by `tolerance`. */
export function acceptedInterval(q: NumericQuestion, ledger: Ledger): [number, number] | undefined {
  if (q.range)
    return [q.range[0], q.range[1]]
  const truth = numericTruth(q, ledger)
  if (!truth)
    return undefined
  const tol = q.tolerance ?? 0
  return [truth[0] - tol, truth[1] + tol]
}

/** Whether `n` lies within the inclusive interval. */
export function within(n: number, [lo, hi]: readonly [number, number]): boolean {
  return n >= lo && n <= hi
}

/** The ledger date key of each ordering item (`undefined` when its fact is unknown or undated). */
export function itemKeys(q: OrderingQuestion, ledger: Ledger): (number | undefined)[] {
  return q.items.map((item) => {
    const v = ledger.get(item.fact)?.value
    return v ? dateKey(v) : undefined
  })
}

/**
 * Sort keys for grading an ordering question: the ledger dates, or — if any
 * item lacks one (a ledger error the validator reports) — the written order.
 */
export function orderingKeys(q: OrderingQuestion, ledger: Ledger): number[] {
  const keys = itemKeys(q, ledger)
  return keys.every(k => k !== undefined) ? keys as number[] : keys.map((_, i) => i)
}

/** The items of an ordering question in ledger order (ties keep their written order), as indices. */
export function orderedItems(q: OrderingQuestion, ledger: Ledger): number[] {
  const keys = orderingKeys(q, ledger)
  return q.items.map((_, i) => i).sort((a, b) => keys[a] - keys[b] || a - b)
}

/** The category a fact's ledger status puts it in under `scheme`. */
export function categoryOf(fact: Fact, scheme: Scheme): Category {
  if (scheme === 'status')
    return fact.status
  return fact.status === 'interpretation' ? 'interpretation' : 'fact'
}

/** The expected category of each statement (`undefined` when its fact is not in the ledger). */
export function expectedCategories(q: ClassifyQuestion, ledger: Ledger): (Category | undefined)[] {
  return q.statements.map((s) => {
    const fact = ledger.get(s.fact)
    return fact ? categoryOf(fact, q.scheme) : undefined
  })
}

// ─── Figures restated from the ledger ───────────────────────────────────────

/** How a text's figures fare against the ledger (see `lib/quiz/figures.ts`). */
export interface RestatedTruth {
  /** True, false, or undecided by the ledger. */
  truth: Truth
  /** Figures written with digits that no `restates` key and no fallback fact covers. */
  unrestated: string[]
  /** `restates` keys that do not occur in the text, or hold no figure, with why. */
  badKeys: { key: string, why: string }[]
  /** Every ledger id the text's figures were compared with. */
  restatedIds: string[]
}

/** Whether a fact could be what a figure restates: it holds a figure, or the figure is a year of its `as_of`. */
function holdsFigure(f: Fact, d: Figure): boolean {
  return isNumericValue(f.value) || f.value.kind === 'period' || f.value.kind === 'date'
    || (f.as_of ?? '').includes(String(d.n))
}

/** `restates` as teachers write it: a figure → one id or a list of ids. */
export type RestatesMap = Readonly<Record<string, string | readonly string[]>>

/**
 * What the ledger implies about `text`: each figure is compared with the
 * facts it restates (its `restates` key's ids, else the single `fallback`
 * fact), and the verdicts are combined. Unknown ids are skipped (the
 * citation check reports them).
 */
export function restatedTruth(text: string, restates: RestatesMap | undefined, fallback: readonly string[], ledger: Ledger): RestatedTruth {
  const verdicts: { figure: string, verdict: Verdict }[] = []
  const badKeys: { key: string, why: string }[] = []
  const ids = new Set<string>()
  const digits = digitFigures(text)
  const covered = new Set<number>()
  const lower = text.toLowerCase()
  const compare = (figure: Figure, label: string, id: string) => {
    const fact = ledger.get(id)
    ids.add(id)
    if (fact)
      verdicts.push({ figure: label, verdict: judgeFigure(figure, fact) })
  }
  for (const [key, value] of Object.entries(restates ?? {})) {
    const list = typeof value === 'string' ? [value] : value
    const needle = key.toLowerCase()
    const starts: number[] = []
    for (let i = lower.indexOf(needle); i >= 0 && needle.length > 0; i = lower.indexOf(needle, i + 1))
      starts.push(i)
    if (starts.length === 0) {
      badKeys.push({ key, why: 'does not occur in the text' })
      continue
    }
    const words = keyFigures(key).filter(f => !/\d/.test(key.slice(f.index, f.index + f.length)))
    let any = words.length > 0
    for (const s of starts) {
      digits.forEach((d, k) => {
        if (d.index >= s && d.index + d.length <= s + key.length) {
          covered.add(k)
          any = true
          for (const id of list)
            compare(d, key, id)
        }
      })
    }
    for (const w of words) {
      for (const id of list)
        compare(w, key, id)
    }
    if (!any)
      badKeys.push({ key, why: 'holds no figure' })
  }
  const unrestated: string[] = []
  digits.forEach((d, k) => {
    if (covered.has(k))
      return
    const own = fallback.length === 1 ? ledger.get(fallback[0]) : undefined
    // A fallback fact that holds no figure (a name, a label) cannot be what the figure restates.
    if (fallback.length === 1 && (!own || holdsFigure(own, d)))
      compare(d, text.slice(d.index, d.index + d.length), fallback[0])
    else
      unrestated.push(text.slice(d.index, d.index + d.length))
  })
  return { truth: combine(verdicts), unrestated, badKeys, restatedIds: [...ids] }
}
