/**
 * Answers a question takes from the fact ledger: the text an option shows,
 * the interval a numeric answer accepts, the date of an ordering item, the
 * category of a classify statement. Shared by grading, validation and the
 * answer key, so that all three read the ledger the same way.
 */
import type { Fact, Value } from '../ledger/schema.ts'
import { dateKey, formatFact } from '../format.ts'
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
