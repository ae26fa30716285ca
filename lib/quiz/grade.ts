/**
 * Pure grading of quiz responses, plus the canonical answer of each question
 * for the answer key and the presenter notes.
 *
 * Response shapes, by question type (indices are 0-based, in file order —
 * the UI may shuffle what it shows but must map back to these indices):
 *
 * | type        | response                                                                  |
 * |-------------|---------------------------------------------------------------------------|
 * | `single`    | `number` — index of the chosen option                                     |
 * | `multiple`  | `number[]` — indices of the chosen options (any order; empty = unanswered)|
 * | `truefalse` | `boolean`                                                                 |
 * | `numeric`   | `number`, or the typed `string` (`"39,000"`, `"about 39000"`)             |
 * | `ordering`  | `number[]` — item indices in the learner's order (a permutation)          |
 * | `matching`  | `(number \| null)[]` — for each left `i`, the index `j` of the pair whose right was matched to it |
 * | `classify`  | `(Category \| null)[]` — for each statement, a key of `categoriesOf(scheme)` |
 *
 * Responses come back from storage, so every function here accepts `unknown`
 * and treats a malformed response as not answered.
 */
import { STATUS_LABEL } from '../ledger/labels.ts'
import type { Status } from '../ledger/schema.ts'
import { formatNumber, formatValue } from '../format.ts'
import { acceptedInterval, expectedCategories, itemKeys, numericTruth, optionText, orderingKeys, within } from './derive.ts'
import type { Ledger } from './derive.ts'
import { BINARY_LABEL, categoriesOf } from './categories.ts'
import type {
  BinaryCategory,
  Category,
  ClassifyQuestion,
  MatchingQuestion,
  MultipleQuestion,
  NumericQuestion,
  OrderingQuestion,
  Question,
  QuestionType,
  SingleQuestion,
  TrueFalseQuestion,
} from './schema.ts'
import { letter, parseNumberInput } from './text.ts'

export { parseNumberInput } from './text.ts'
export type { Ledger } from './derive.ts'

/** The response each question type expects (see the table at the top of this file). */
export interface ResponseMap {
  single: number
  multiple: number[]
  truefalse: boolean
  numeric: number | string
  ordering: number[]
  matching: (number | null)[]
  classify: (Category | null)[]
}
/** A response to a question of type `T`. */
export type ResponseFor<T extends QuestionType> = ResponseMap[T]
/** A response to any question. */
export type Response = ResponseMap[QuestionType]

/** The outcome of grading one response. */
export interface GradeResult {
  /** Fully right. */
  correct: boolean
  /** Credit from 0 to 1. */
  score: number
  /** Per-part verdicts: per option (`multiple`), adjacent pair (`ordering`), left (`matching`) or statement (`classify`). */
  parts?: boolean[]
  /** Notes for what went wrong: the `why` of each chosen wrong option, wrong part or matched distractor. */
  feedback: string[]
}

const UNANSWERED: GradeResult = { correct: false, score: 0, feedback: [] }

/** Whether `r` is an integer index into a list of `length`. */
function isIndex(r: unknown, length: number): r is number {
  return Number.isInteger(r) && (r as number) >= 0 && (r as number) < length
}

/** Whether `r` is a permutation of `0 … length − 1`. */
function isPermutation(r: unknown, length: number): r is number[] {
  return Array.isArray(r) && r.length === length && r.every(i => isIndex(i, length)) && new Set(r).size === length
}

/** Whether `response` is a complete, well-formed answer to `question` (see the response shapes above). */
export function isAnswered(question: Question, response: unknown): boolean {
  switch (question.type) {
    case 'single':
      return isIndex(response, question.options.length)
    case 'multiple':
      return Array.isArray(response) && response.length > 0 && response.every(i => isIndex(i, question.options.length))
    case 'truefalse':
      return typeof response === 'boolean'
    case 'numeric':
      return parseNumberInput(response, question.unit) !== undefined
    case 'ordering':
      return isPermutation(response, question.items.length)
    case 'matching':
      return Array.isArray(response) && response.length === question.pairs.length
        && response.every(j => isIndex(j, question.pairs.length))
    case 'classify': {
      const keys: readonly unknown[] = categoriesOf(question.scheme)
      return Array.isArray(response) && response.length === question.statements.length
        && response.every(k => keys.includes(k))
    }
  }
}

/**
 * Grade `response` to `question`. An unanswered or malformed response scores
 * 0 with no feedback.
 */
export function grade(question: Question, response: unknown, ledger: Ledger): GradeResult {
  if (!isAnswered(question, response))
    return { ...UNANSWERED, feedback: [] }
  switch (question.type) {
    case 'single': return gradeSingle(question, response as number)
    case 'multiple': return gradeMultiple(question, response as number[])
    case 'truefalse': return gradeTrueFalse(question, response as boolean)
    case 'numeric': return gradeNumeric(question, parseNumberInput(response, question.unit)!, ledger)
    case 'ordering': return gradeOrdering(question, response as number[], ledger)
    case 'matching': return gradeMatching(question, response as number[])
    case 'classify': return gradeClassify(question, response as Category[], ledger)
  }
}

function whyOf(note: string | undefined): string[] {
  return note ? [note] : []
}

function gradeSingle(q: SingleQuestion, choice: number): GradeResult {
  const option = q.options[choice]
  return option.correct
    ? { correct: true, score: 1, feedback: [] }
    : { correct: false, score: 0, feedback: whyOf(option.why) }
}

/** Partial credit: (right picks − wrong picks) / number of right options, at least 0. */
function gradeMultiple(q: MultipleQuestion, choices: number[]): GradeResult {
  const chosen = new Set(choices)
  const nCorrect = q.options.filter(o => o.correct).length
  let right = 0
  let wrong = 0
  const feedback: string[] = []
  q.options.forEach((o, i) => {
    if (!chosen.has(i))
      return
    if (o.correct) {
      right++
    }
    else {
      wrong++
      feedback.push(...whyOf(o.why))
    }
  })
  const parts = q.options.map((o, i) => chosen.has(i) === o.correct)
  const score = nCorrect === 0 ? 0 : Math.max(0, (right - wrong) / nCorrect)
  return { correct: parts.every(Boolean), score, parts, feedback }
}

function gradeTrueFalse(q: TrueFalseQuestion, answer: boolean): GradeResult {
  return answer === q.answer
    ? { correct: true, score: 1, feedback: [] }
    : { correct: false, score: 0, feedback: [q.why] }
}

function gradeNumeric(q: NumericQuestion, n: number, ledger: Ledger): GradeResult {
  const interval = acceptedInterval(q, ledger)
  if (interval && within(n, interval))
    return { correct: true, score: 1, feedback: [] }
  const distractor = q.distractors.find(d => d.value === n)
  return { correct: false, score: 0, feedback: distractor ? [distractor.why] : [] }
}

/** Correct when dates never decrease along the learner's order; score = share of adjacent pairs in order. */
function gradeOrdering(q: OrderingQuestion, order: number[], ledger: Ledger): GradeResult {
  const keys = orderingKeys(q, ledger)
  const parts = order.slice(1).map((item, i) => keys[order[i]] <= keys[item])
  const feedback = parts.flatMap((ok, i) => ok ? [] : [orderingNote(q, order[i], order[i + 1], ledger)])
  const inOrder = parts.filter(Boolean).length
  return { correct: inOrder === parts.length, score: parts.length ? inOrder / parts.length : 1, parts, feedback }
}

/** "“B” (2016) came before “A” (2019)." — from the ledger dates. */
function orderingNote(q: OrderingQuestion, earlierPlaced: number, laterPlaced: number, ledger: Ledger): string {
  const label = (i: number) => {
    const v = ledger.get(q.items[i].fact)?.value
    return v ? `“${q.items[i].text}” (${formatValue(v)})` : `“${q.items[i].text}”`
  }
  return `${label(laterPlaced)} came before ${label(earlierPlaced)}.`
}

/** A left is right when the right matched to it has the text of its own pair's right. */
function gradeMatching(q: MatchingQuestion, matched: number[]): GradeResult {
  const parts = q.pairs.map((p, i) => q.pairs[matched[i]].right === p.right)
  return {
    correct: parts.every(Boolean),
    score: parts.filter(Boolean).length / parts.length,
    parts,
    feedback: q.pairs.flatMap((p, i) => parts[i] ? [] : [p.why]),
  }
}

/** Each statement is right when its category is the one its fact's ledger status gives. */
function gradeClassify(q: ClassifyQuestion, chosen: Category[], ledger: Ledger): GradeResult {
  const expected = expectedCategories(q, ledger)
  const parts = q.statements.map((_, i) => expected[i] !== undefined && chosen[i] === expected[i])
  return {
    correct: parts.every(Boolean),
    score: parts.filter(Boolean).length / parts.length,
    parts,
    feedback: q.statements.flatMap((s, i) => parts[i] ? [] : [s.why]),
  }
}

/**
 * The canonical correct response (in the shapes above). For a numeric
 * question, the true value (the low end of a range fact); `undefined` when
 * the ledger lacks the answer fact.
 */
export function correctResponse(question: Question, ledger: Ledger): Response | undefined {
  switch (question.type) {
    case 'single':
      return question.options.findIndex(o => o.correct)
    case 'multiple':
      return question.options.flatMap((o, i) => o.correct ? [i] : [])
    case 'truefalse':
      return question.answer
    case 'numeric':
      return numericTruth(question, ledger)?.[0]
    case 'ordering': {
      const keys = orderingKeys(question, ledger)
      return question.items.map((_, i) => i).sort((a, b) => keys[a] - keys[b] || a - b)
    }
    case 'matching':
      return question.pairs.map((_, i) => i)
    case 'classify':
      return expectedCategories(question, ledger).map(c => c ?? null)
  }
}

/** Human label of a classify category. */
export function categoryLabel(c: Category): string {
  return c in BINARY_LABEL ? BINARY_LABEL[c as BinaryCategory] : STATUS_LABEL[c as Status]
}

/**
 * A one-line human answer for the answer key and the presenter notes:
 * `B — The Exit and Entry Administration of the MPS`, `True`,
 * `39,000 people (±500)`, `“Talks begin” (2016) → “Deal signed” (2019) → …`.
 */
export function describeAnswer(question: Question, ledger: Ledger): string {
  switch (question.type) {
    case 'single':
    case 'multiple': {
      const right = question.options.flatMap((o, i) => o.correct ? [i] : [])
      const letters = right.map(letter).join(', ')
      return `${letters} — ${right.map(i => optionText(question.options[i], ledger)).join('; ')}`
    }
    case 'truefalse':
      return question.answer ? 'True' : 'False'
    case 'numeric':
      return describeNumeric(question, ledger)
    case 'ordering':
      return describeOrdering(question, ledger)
    case 'matching':
      return question.pairs.map(p => `${p.left} → ${p.right}`).join('; ')
    case 'classify':
      return question.statements
        .map((s, i) => `“${s.text}”: ${describeCategory(expectedCategories(question, ledger)[i])}`)
        .join('; ')
  }
}

function describeCategory(c: Category | undefined): string {
  return c ? categoryLabel(c) : '(fact missing from the ledger)'
}

/** `39,000 people (±500)`, `300–800 people a year`, `39,000 people (accepted 38,000–40,000)`, `2014` (a year). */
function describeNumeric(q: NumericQuestion, ledger: Ledger): string {
  const truth = numericTruth(q, ledger)
  if (!truth)
    return `(answer fact missing from the ledger) ${q.unit}`
  // A year is written as a year: 2014, not "2,014 year".
  const year = 'fact' in q.answer && ledger.get(q.answer.fact)?.value.kind === 'year'
  const fmt = year ? String : formatNumber
  const value = truth[0] === truth[1] ? fmt(truth[0]) : `${fmt(truth[0])}–${fmt(truth[1])}`
  const main = year ? value : `${value} ${q.unit}`
  if (q.range)
    return `${main} (accepted ${fmt(q.range[0])}–${fmt(q.range[1])})`
  return q.tolerance ? `${main} (±${formatNumber(q.tolerance)})` : main
}

/** Items in ledger order with their dates; ties joined by ` = `. */
function describeOrdering(q: OrderingQuestion, ledger: Ledger): string {
  const order = correctResponse(q, ledger) as number[]
  const keys = itemKeys(q, ledger)
  const label = (i: number) => {
    const v = ledger.get(q.items[i].fact)?.value
    return v ? `${q.items[i].text} (${formatValue(v)})` : q.items[i].text
  }
  return order.map((item, k) => {
    const sep = k === 0 ? '' : keys[item] !== undefined && keys[item] === keys[order[k - 1]] ? ' = ' : ' → '
    return sep + label(item)
  }).join('')
}
