/**
 * Everything the classroom server knows about each question type, in one
 * place, as small functions keyed by type (`CLASS_TYPES[q.type]`), so that
 * the whole table can move into the per-type modules (`lib/quiz/types/`)
 * without touching the rest of `lib/class/`.
 *
 * Per type:
 * - `view`: the question as a phone may see it, with no answer in it;
 * - `fromView` / `toView`: a phone's response, in the view's own indices,
 *   to and from the canonical response that `grade` reads (grade.ts);
 * - `answerView`: the correct answer in the view's indices (shown after the
 *   reveal);
 * - `tally`: the counts the presenter sees, with the right answer marked.
 *
 * Why a view has its own indices: ordering items and matching pairs are
 * written in the bank in their correct order, so a view that listed them in
 * file order would give the answer away. The view lists ordering items in the
 * seeded starting order the slide shows (`startingOrder`) and matching
 * rights in the seeded order `MatchingInput` shows; a phone answers in those
 * positions, and the server maps them back. Options, statements, lefts and
 * categories keep their file order (the slide's A, B, C …).
 *
 * Pure: no I/O, no Vue.
 */
import type { Ledger } from '../quiz/derive.ts'
import type { Category, ClassifyQuestion, MatchingQuestion, MultipleQuestion, NumericQuestion, OrderingQuestion, Question, QuestionOf, QuestionType, SingleQuestion, TrueFalseQuestion } from '../quiz/schema.ts'
import { formatNumber } from '../format.ts'
import { categoriesOf } from '../quiz/categories.ts'
import { acceptedInterval, expectedCategories, optionText, orderingKeys, within } from '../quiz/derive.ts'
import { categoryLabel, correctResponse, grade, isAnswered } from '../quiz/grade.ts'
import { seededPermutation, startingOrder } from '../quiz/shuffle.ts'
import { letter, parseNumberInput } from '../quiz/text.ts'

// ─── Shapes sent to phones and presenters ──────────────────────────────────

/** Fields every public view has. No `facts`, no `explanation`, no `why`: each can give the answer away. */
interface ViewBase { id: string, stem: string }

/**
 * A question as a phone sees it. The response a phone sends is, by type:
 * `single` an option index; `multiple` option indices; `truefalse` a
 * boolean; `numeric` a number or the typed text; `ordering` the indices of
 * `items` in the learner's order; `matching` for each left, an index of
 * `rights`; `classify` for each statement, a `categories[].key`.
 */
export type PublicQuestion =
  | ViewBase & { type: 'single' | 'multiple', options: string[] }
  | ViewBase & { type: 'truefalse' }
  | ViewBase & { type: 'numeric', unit: string }
  | ViewBase & { type: 'ordering', items: string[] }
  | ViewBase & { type: 'matching', lefts: string[], rights: string[] }
  | ViewBase & { type: 'classify', statements: string[], categories: { key: Category, label: string }[] }

/** One bar of a choice chart. */
export interface ChoiceCount {
  /** `A`, `B` … (`single`, `multiple`, `truefalse`). */
  key: string
  label: string
  count: number
  /** This choice is (one of) the right one(s). */
  correct: boolean
}

/** One bin of a numeric histogram: `lo ≤ n < hi`, except that the accepted bin is `[lo, hi]` inclusive and the bins above it `lo < n ≤ hi`. */
export interface Bin {
  label: string
  /** Lower edge; `null` for the open-ended bin below all others. */
  lo: number | null
  /** Upper edge; `null` for the open-ended bin above all others. */
  hi: number | null
  count: number
  /** The bin is the ledger's accepted interval. */
  accepted: boolean
}

/** The counts of one question, by kind of chart. */
export type TallyBody =
  | { kind: 'choices', choices: ChoiceCount[] }
  | {
    kind: 'grid'
    /** Row labels: statements (`classify`), lefts (`matching`), items in their correct order (`ordering`). */
    rows: string[]
    /** Column labels: categories, rights (as the phones list them), positions `1st` … */
    cols: string[]
    /** `counts[row][col]`: how many put that row in that column. */
    counts: number[][]
    /** `correct[row][col]`: that cell is right (ties in ordering make several cells right). */
    correct: boolean[][]
  }
  | {
    kind: 'histogram'
    unit: string
    /** The accepted interval `[lo, hi]`, inclusive; `null` if the ledger lacks the answer fact. */
    interval: [number, number] | null
    bins: Bin[]
    /** How many typed each common wrong value exactly (the bank's distractors). */
    distractors: { value: number, label: string, count: number }[]
  }

/** Counts of one question. */
export type Tally = TallyBody & {
  question: string
  type: QuestionType
  /** Devices that answered. */
  answered: number
  /** Of those, how many are fully right (as `grade` decides, ties and tolerance included). */
  right: number
}

/** A phone's response turned into the canonical one, or why it cannot be. */
export type Parsed = { ok: true, response: unknown } | { ok: false, message: string }

// ─── The per-type table ─────────────────────────────────────────────────────

export interface ClassType<Q extends Question> {
  view: (q: Q, ledger: Ledger) => PublicQuestion
  /** A phone's response (view indices) → the canonical response, or a message saying what is wrong. */
  fromView: (q: Q, response: unknown) => Parsed
  /** A stored canonical response → the view's indices (sent back to a phone that reconnects). */
  toView: (q: Q, response: unknown) => unknown
  /** The right answer in the view's indices (`numeric`: the accepted interval). */
  answerView: (q: Q, ledger: Ledger) => unknown
  tally: (q: Q, responses: readonly unknown[], ledger: Ledger) => TallyBody
}

const fail = (message: string): Parsed => ({ ok: false, message })

function isInt(x: unknown, below: number): x is number {
  return Number.isInteger(x) && (x as number) >= 0 && (x as number) < below
}

/** `0 to 3` / `0` */
function span(n: number): string {
  return n === 1 ? '0' : `0 to ${n - 1}`
}

/** Ordering items as the phones list them (file indices in display order): the seeded starting order, never the answer. */
export function orderingDisplay(q: OrderingQuestion): number[] {
  return startingOrder(q.items.length, q.id)
}

/** Matching rights as the phones (and `MatchingInput`) list them: pair indices in display order. */
export function matchingDisplay(q: MatchingQuestion): number[] {
  return seededPermutation(q.pairs.length, `${q.id}:right`)
}

function choiceTally(labels: string[], correct: boolean[], counts: number[]): TallyBody {
  return { kind: 'choices', choices: labels.map((label, i) => ({ key: letter(i), label, count: counts[i], correct: correct[i] })) }
}

function zeros(n: number): number[] {
  return Array.from({ length: n }, () => 0)
}

function grid(rows: number, cols: number): number[][] {
  return Array.from({ length: rows }, () => zeros(cols))
}

const single: ClassType<SingleQuestion> = {
  view: (q, ledger) => ({ type: 'single', id: q.id, stem: q.stem, options: q.options.map(o => optionText(o, ledger)) }),
  fromView: (q, r) => isInt(r, q.options.length) ? { ok: true, response: r } : fail(`Choose one option: send its number, ${span(q.options.length)}.`),
  toView: (_q, r) => r,
  answerView: q => q.options.findIndex(o => o.correct),
  tally: (q, responses, ledger) => {
    const counts = zeros(q.options.length)
    for (const r of responses) counts[r as number]++
    return choiceTally(q.options.map(o => optionText(o, ledger)), q.options.map(o => o.correct), counts)
  },
}

const multiple: ClassType<MultipleQuestion> = {
  view: (q, ledger) => ({ type: 'multiple', id: q.id, stem: q.stem, options: q.options.map(o => optionText(o, ledger)) }),
  fromView: (q, r) => {
    const n = q.options.length
    if (!Array.isArray(r) || r.length === 0 || !r.every(i => isInt(i, n)))
      return fail(`Choose at least one option: send a list of option numbers, each ${span(n)}.`)
    if (new Set(r).size !== r.length)
      return fail('Choose each option at most once.')
    return { ok: true, response: [...r].sort((a, b) => a - b) }
  },
  toView: (_q, r) => r,
  answerView: q => q.options.flatMap((o, i) => o.correct ? [i] : []),
  tally: (q, responses, ledger) => {
    const counts = zeros(q.options.length)
    for (const r of responses) {
      for (const i of r as number[]) counts[i]++
    }
    return choiceTally(q.options.map(o => optionText(o, ledger)), q.options.map(o => o.correct), counts)
  },
}

const truefalse: ClassType<TrueFalseQuestion> = {
  view: q => ({ type: 'truefalse', id: q.id, stem: q.stem }),
  fromView: (_q, r) => typeof r === 'boolean' ? { ok: true, response: r } : fail('Answer true or false: send `true` or `false`.'),
  toView: (_q, r) => r,
  answerView: q => q.answer,
  tally: (q, responses) => {
    const counts = [0, 0]
    for (const r of responses) counts[r ? 0 : 1]++
    return choiceTally(['True', 'False'], [q.answer, !q.answer], counts)
  },
}

const numeric: ClassType<NumericQuestion> = {
  view: q => ({ type: 'numeric', id: q.id, stem: q.stem, unit: q.unit }),
  fromView: (q, r) => {
    if (typeof r === 'string' && r.length > 60)
      return fail('Type a figure of at most 60 characters.')
    const n = parseNumberInput(r, q.unit)
    if (n === undefined) {
      return fail(typeof r === 'string' && r.trim() !== ''
        ? `“${r.trim()}” is not a figure. Type digits, for example 1,200 or 1200.`
        : 'Type a figure: send a number, or the text typed (for example "about 39,000").')
    }
    return { ok: true, response: n }
  },
  toView: (_q, r) => r,
  answerView: (q, ledger) => acceptedInterval(q, ledger) ?? null,
  tally: (q, responses, ledger) => numericTally(q, responses as number[], ledger),
}

const ordering: ClassType<OrderingQuestion> = {
  view: q => ({ type: 'ordering', id: q.id, stem: q.stem, items: orderingDisplay(q).map(i => q.items[i].text) }),
  fromView: (q, r) => {
    const n = q.items.length
    if (!Array.isArray(r) || r.length !== n || !r.every(i => isInt(i, n)) || new Set(r).size !== n)
      return fail(`Put the ${n} items in order: send each item's number (${span(n)}, as listed) exactly once, earliest first.`)
    const shown = orderingDisplay(q)
    return { ok: true, response: r.map(d => shown[d]) }
  },
  toView: (q, r) => {
    const shown = orderingDisplay(q)
    return (r as number[]).map(i => shown.indexOf(i))
  },
  answerView: (q, ledger) => {
    const shown = orderingDisplay(q)
    return (correctResponse(q, ledger) as number[]).map(i => shown.indexOf(i))
  },
  tally: (q, responses, ledger) => {
    // Rows in the correct order; a cell is right when that item's date is the one that belongs at that position (ties share places).
    const order = correctResponse(q, ledger) as number[]
    const keys = orderingKeys(q, ledger)
    const sorted = [...keys].sort((a, b) => a - b)
    const rowOf = new Map(order.map((item, row) => [item, row]))
    const counts = grid(order.length, order.length)
    for (const r of responses)
      (r as number[]).forEach((item, pos) => counts[rowOf.get(item)!][pos]++)
    return {
      kind: 'grid',
      rows: order.map(i => q.items[i].text),
      cols: order.map((_, pos) => ordinalLabel(pos + 1)),
      counts,
      correct: order.map(item => sorted.map(k => k === keys[item])),
    }
  },
}

const matching: ClassType<MatchingQuestion> = {
  view: q => ({ type: 'matching', id: q.id, stem: q.stem, lefts: q.pairs.map(p => p.left), rights: matchingDisplay(q).map(j => q.pairs[j].right) }),
  fromView: (q, r) => {
    const n = q.pairs.length
    if (!Array.isArray(r) || r.length !== n || !r.every(d => isInt(d, n)))
      return fail(`Match all ${n} rows: send, for each row, the number of a right-hand choice (${span(n)}, as listed).`)
    const shown = matchingDisplay(q)
    return { ok: true, response: r.map(d => shown[d]) }
  },
  toView: (q, r) => {
    const shown = matchingDisplay(q)
    return (r as number[]).map(j => shown.indexOf(j))
  },
  answerView: (q) => {
    const shown = matchingDisplay(q)
    // The first listed right with the pair's own text (equal texts are equally right).
    return q.pairs.map(p => shown.findIndex(j => q.pairs[j].right === p.right))
  },
  tally: (q, responses) => {
    const shown = matchingDisplay(q)
    const col = new Map(shown.map((j, d) => [j, d]))
    const counts = grid(q.pairs.length, q.pairs.length)
    for (const r of responses)
      (r as number[]).forEach((j, left) => counts[left][col.get(j)!]++)
    return {
      kind: 'grid',
      rows: q.pairs.map(p => p.left),
      cols: shown.map(j => q.pairs[j].right),
      counts,
      correct: q.pairs.map(p => shown.map(j => q.pairs[j].right === p.right)),
    }
  },
}

const classify: ClassType<ClassifyQuestion> = {
  view: q => ({
    type: 'classify',
    id: q.id,
    stem: q.stem,
    statements: q.statements.map(s => s.text),
    categories: categoriesOf(q.scheme).map(key => ({ key, label: categoryLabel(key) })),
  }),
  fromView: (q, r) => {
    const keys: readonly unknown[] = categoriesOf(q.scheme)
    const n = q.statements.length
    if (!Array.isArray(r) || r.length !== n || !r.every(k => keys.includes(k)))
      return fail(`Mark all ${n} statements: send, for each, one of ${keys.map(k => `"${String(k)}"`).join(', ')}.`)
    return { ok: true, response: [...r] }
  },
  toView: (_q, r) => r,
  answerView: (q, ledger) => expectedCategories(q, ledger).map(c => c ?? null),
  tally: (q, responses, ledger) => {
    const cats = categoriesOf(q.scheme)
    const want = expectedCategories(q, ledger)
    const counts = grid(q.statements.length, cats.length)
    for (const r of responses)
      (r as Category[]).forEach((c, s) => counts[s][cats.indexOf(c)]++)
    return {
      kind: 'grid',
      rows: q.statements.map(s => s.text),
      cols: cats.map(categoryLabel),
      counts,
      correct: want.map(w => cats.map(c => c === w)),
    }
  },
}

/** The table: one entry per question type. */
export const CLASS_TYPES: { [T in QuestionType]: ClassType<QuestionOf<T>> } = {
  single,
  multiple,
  truefalse,
  numeric,
  ordering,
  matching,
  classify,
}

function entry<Q extends Question>(q: Q): ClassType<Q> {
  return CLASS_TYPES[q.type] as unknown as ClassType<Q>
}

// ─── Entry points used by the rest of lib/class ─────────────────────────────

/** The public view of `q`: what a phone may see before the reveal. */
export function publicView(q: Question, ledger: Ledger): PublicQuestion {
  return entry(q).view(q, ledger)
}

/**
 * Read a phone's response to `q`: the canonical response `grade` expects,
 * or a message saying why it is not a valid response for its type. The
 * final word is `isAnswered` from the quiz engine, so the server accepts
 * exactly what the self-study quiz would let a learner check.
 */
export function parseResponse(q: Question, response: unknown): Parsed {
  const parsed = entry(q).fromView(q, response)
  if (!parsed.ok)
    return parsed
  if (!isAnswered(q, parsed.response))
    return fail(`Not a complete answer to this ${q.type} question.`)
  return parsed
}

/** A stored canonical response in the view's indices. */
export function responseView(q: Question, response: unknown): unknown {
  return entry(q).toView(q, response)
}

/** The right answer in the view's indices. */
export function answerView(q: Question, ledger: Ledger): unknown {
  return entry(q).answerView(q, ledger)
}

/** Count canonical `responses` (one per device) to `q`. */
export function tally(q: Question, responses: readonly unknown[], ledger: Ledger): Tally {
  const valid = responses.filter(r => isAnswered(q, r))
  const body = entry(q).tally(q, valid, ledger)
  const right = valid.filter(r => grade(q, r, ledger).correct).length
  return { question: q.id, type: q.type, answered: valid.length, right, ...body }
}

// ─── Numeric histograms ─────────────────────────────────────────────────────

/** How many bins of the step's width lie on each side of the accepted one. */
export const SIDE_BINS = 3

function ordinalLabel(n: number): string {
  const tens = n % 100
  const suffix = tens >= 11 && tens <= 13 ? 'th' : ({ 1: 'st', 2: 'nd', 3: 'rd' } as Record<number, string>)[n % 10] ?? 'th'
  return `${n}${suffix}`
}

/** The "nice" number (1, 2 or 5 × 10^k) nearest to `x` on a log scale; at least 1. */
export function niceStep(x: number): number {
  if (!(x > 1))
    return 1
  const p = 10 ** Math.floor(Math.log10(x))
  const m = x / p
  const k = m < Math.sqrt(2) ? 1 : m < Math.sqrt(10) ? 2 : m < Math.sqrt(50) ? 5 : 10
  return k * p
}

/**
 * The width of the bins beside the accepted one: the accepted interval's
 * own width when it has one; else 1 for a year; else a nice step near a
 * tenth of the answer (900 → 100, 39,000 → 5,000, 8 → 1).
 */
export function binStep(interval: readonly [number, number], isYear: boolean): number {
  const [lo, hi] = interval
  if (hi > lo)
    return hi - lo
  if (isYear)
    return 1
  return niceStep(Math.abs(lo) / 10)
}

/**
 * Bins around the accepted interval `[lo, hi]`: `SIDE_BINS` bins of width
 * `step` below it (`[a, b)`), the accepted bin (`[lo, hi]`), `SIDE_BINS`
 * above it (`(a, b]`), and an open bin at each end. When the answer is not
 * negative, no bin goes below 0 (a count cannot be negative); a negative
 * figure then falls in the lowest bin.
 */
export function numericBins(interval: readonly [number, number], step: number, fmt: (n: number) => string = formatNumber): Omit<Bin, 'count'>[] {
  const [lo, hi] = interval
  const floor = lo >= 0 ? 0 : Number.NEGATIVE_INFINITY
  const whole = Number.isInteger(step) && Number.isInteger(lo) && Number.isInteger(hi)
  const below: Omit<Bin, 'count'>[] = []
  let clipped = false
  for (let k = 1; k <= SIDE_BINS && !clipped; k++) {
    const b = lo - (k - 1) * step
    if (b <= floor)
      break
    let a = lo - k * step
    if (a <= floor) {
      a = floor
      clipped = true
    }
    // [a, b): the whole numbers a … b − 1. The lowest bin, clipped at 0, also takes anything below 0.
    const label = whole ? (b - 1 === a ? fmt(a) : `${fmt(a)}–${fmt(b - 1)}`) : `${fmt(a)} to under ${fmt(b)}`
    below.unshift({ label, lo: clipped ? null : a, hi: b, accepted: false })
  }
  if (!clipped) {
    const edge = below[0]?.lo ?? lo
    below.unshift({ label: `under ${fmt(edge)}`, lo: null, hi: edge, accepted: false })
  }
  const above: Omit<Bin, 'count'>[] = []
  for (let k = 1; k <= SIDE_BINS; k++) {
    const a = hi + (k - 1) * step
    const b = hi + k * step
    // (a, b]: the whole numbers a + 1 … b
    const label = whole ? (a + 1 === b ? fmt(b) : `${fmt(a + 1)}–${fmt(b)}`) : `over ${fmt(a)} to ${fmt(b)}`
    above.push({ label, lo: a, hi: b, accepted: false })
  }
  const top = hi + SIDE_BINS * step
  above.push({ label: `over ${fmt(top)}`, lo: top, hi: null, accepted: false })
  return [...below, { label: lo === hi ? fmt(lo) : `${fmt(lo)}–${fmt(hi)}`, lo, hi, accepted: true }, ...above]
}

/** Index of the bin holding `n` (see `numericBins` for which edges are inclusive). */
export function binIndex(bins: readonly Omit<Bin, 'count'>[], n: number): number {
  const acc = bins.findIndex(b => b.accepted)
  const { lo, hi } = bins[acc] as { lo: number, hi: number }
  if (within(n, [lo, hi]))
    return acc
  if (n < lo) {
    for (let i = acc - 1; i >= 0; i--) {
      const b = bins[i]
      if (b.lo === null || n >= b.lo)
        return i
    }
    return 0
  }
  for (let i = acc + 1; i < bins.length; i++) {
    const b = bins[i]
    if (b.hi === null || n <= b.hi)
      return i
  }
  return bins.length - 1
}

function numericTally(q: NumericQuestion, responses: readonly number[], ledger: Ledger): TallyBody {
  const interval = acceptedInterval(q, ledger)
  const isYear = 'fact' in q.answer && ledger.get(q.answer.fact)?.value.kind === 'year'
  const fmt = isYear ? String : formatNumber
  const distractors = q.distractors.map(d => ({ value: d.value, label: fmt(d.value), count: responses.filter(r => r === d.value).length }))
  if (!interval) {
    // The ledger lacks the answer (a validation error elsewhere): one bin per distinct figure.
    const seen = [...new Set(responses)].sort((a, b) => a - b)
    return { kind: 'histogram', unit: q.unit, interval: null, bins: seen.map(v => ({ label: fmt(v), lo: v, hi: v, count: responses.filter(r => r === v).length, accepted: false })), distractors }
  }
  const shape = numericBins(interval, binStep(interval, isYear), fmt)
  const bins: Bin[] = shape.map(b => ({ ...b, count: 0 }))
  for (const r of responses)
    bins[binIndex(shape, r)].count++
  return { kind: 'histogram', unit: q.unit, interval: [interval[0], interval[1]], bins, distractors }
}
