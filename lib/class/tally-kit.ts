/**
 * The classroom's shapes and tools, shared by every question type: what a
 * phone may see of a question (never its answer), a phone's response turned
 * into the canonical one, and the counts the presenter sees. Each type's own
 * part is the `classroom` member of its module (`lib/quiz/types/<type>.ts`);
 * `per-type.ts` dispatches through the registry.
 *
 * Why a view has its own indices: ordering items and matching pairs are
 * written in the bank in their correct order, so a view that listed them in
 * file order would give the answer away. The view lists ordering items in the
 * seeded starting order the slide shows (`startingOrder`) and matching
 * rights in the seeded order `MatchingInput` shows; a phone answers in those
 * positions, and the server maps them back. Options, statements, lefts and
 * categories keep their file order (the slide's A, B, C …).
 *
 * Pure: no I/O, no Vue. Imports nothing that imports the type registry.
 */
import type { Ledger } from '../quiz/derive.ts'
import { formatNumber } from '../format.ts'
import { within } from '../quiz/derive.ts'
import { seededPermutation, startingOrder } from '../quiz/shuffle.ts'
import { letter } from '../quiz/text.ts'

// ─── Shapes sent to phones and presenters ──────────────────────────────────

/**
 * Fields every public view has. No `facts`, no `explanation`, no `why`:
 * each can give the answer away. Each type adds what a phone needs to
 * answer (its module's `classroom.view`); `per-type.ts` has the union.
 */
export interface ViewBase { type: string, id: string, stem: string }

/** The view of a `single` or `multiple` question: its option texts, A, B, C … */
export interface PublicChoiceQuestion extends ViewBase { type: 'single' | 'multiple', options: string[] }

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
  | {
    kind: 'choices'
    choices: ChoiceCount[]
    /** The choices are lettered A, B … (options); `false` when the label says it all (True, False). */
    lettered: boolean
  }
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
  type: string
  /** Devices that answered. */
  answered: number
  /** Of those, how many are fully right (as `grade` decides, ties and tolerance included). */
  right: number
}

/** A phone's response turned into the canonical one, or why it cannot be. */
export type Parsed = { ok: true, response: unknown } | { ok: false, message: string }

/** A type's part in the classroom. */
export interface ClassType<Q extends { type: string, id: string }, V extends ViewBase = ViewBase> {
  /** The question as a phone may see it before the reveal: no answer in it. */
  view: (q: Q, ledger: Ledger) => V
  /** A phone's response (view indices) → the canonical response, or a message saying what is wrong. The ledger is there for types whose canonical form comes from it (a cloze blank's fact). */
  fromView: (q: Q, response: unknown, ledger: Ledger) => Parsed
  /** A stored canonical response → the view's indices (sent back to a phone that reconnects). */
  toView: (q: Q, response: unknown) => unknown
  /** The right answer in the view's indices (`numeric`: the accepted interval). */
  answerView: (q: Q, ledger: Ledger) => unknown
  tally: (q: Q, responses: readonly unknown[], ledger: Ledger) => TallyBody
  /**
   * What a phone draws for a view (the join page, `join/`): a stand-in
   * question holding only what the type's input component reads, with no
   * answer in it, so that the value the input emits is a response in the
   * view's own indices; and the response to start from (the slide's
   * starting order for an ordering, else unanswered).
   */
  standIn: (view: V) => StandIn<Q>
}

/** A stand-in question for a type's input, and the response it starts from. */
export interface StandIn<Q> { question: Q, start: unknown }

/** The fields every question has, empty: a stand-in carries no explanation, fact or source. */
export function standInBase(view: ViewBase) {
  return { id: view.id, stem: view.stem, explanation: '', facts: [] as string[] }
}

export const fail = (message: string): Parsed => ({ ok: false, message })

export function isInt(x: unknown, below: number): x is number {
  return Number.isInteger(x) && (x as number) >= 0 && (x as number) < below
}

/** `0 to 3` / `0` */
export function span(n: number): string {
  return n === 1 ? '0' : `0 to ${n - 1}`
}

/** Ordering items as the phones list them (file indices in display order): the seeded starting order, never the answer. */
export function orderingDisplay(q: { id: string, items: readonly unknown[] }): number[] {
  return startingOrder(q.items.length, q.id)
}

/** Matching rights as the phones (and `MatchingInput`) list them: pair indices in display order. */
export function matchingDisplay(q: { id: string, pairs: readonly unknown[] }): number[] {
  return seededPermutation(q.pairs.length, `${q.id}:right`)
}

export function choiceTally(labels: string[], correct: boolean[], counts: number[], lettered = true): TallyBody {
  return { kind: 'choices', lettered, choices: labels.map((label, i) => ({ key: letter(i), label, count: counts[i], correct: correct[i] })) }
}

export function zeros(n: number): number[] {
  return Array.from({ length: n }, () => 0)
}

export function grid(rows: number, cols: number): number[][] {
  return Array.from({ length: rows }, () => zeros(cols))
}

// ─── Numeric histograms ─────────────────────────────────────────────────────

/** How many bins of the step's width lie on each side of the accepted one. */
export const SIDE_BINS = 3

export function ordinalLabel(n: number): string {
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

