/**
 * Pure grading of quiz responses, plus the canonical answer of each question
 * for the answer key and the presenter notes. Each function dispatches to
 * the question's type module (`lib/quiz/types/<type>.ts`), which documents
 * the response shape of its type:
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
 * Indices are 0-based, in file order: the UI may shuffle what it shows but
 * maps back to these indices. Responses come back from storage, so every
 * function here accepts `unknown` and treats a malformed response as not
 * answered.
 */
import type { Ledger } from './derive.ts'
import type { GradeResult } from './types/define.ts'
import type { Question, QuestionType, ResponseOf } from './types/index.ts'
import { typeOf } from './types/index.ts'

export { categoryLabel } from './categories.ts'
export { parseNumberInput } from './text.ts'
export type { Ledger } from './derive.ts'
export type { GradeResult } from './types/define.ts'

/** A response to a question of type `T`. */
export type ResponseFor<T extends QuestionType> = ResponseOf<T>
/** A response to any question. */
export type Response = ResponseOf<QuestionType>

/** Whether `response` is a complete, well-formed answer to `question`. */
export function isAnswered(question: Question, response: unknown): boolean {
  return typeOf(question).isAnswered(question, response)
}

/** Grade `response` to `question`. An unanswered or malformed response scores 0 with no feedback. */
export function grade(question: Question, response: unknown, ledger: Ledger): GradeResult {
  const t = typeOf(question)
  if (!t.isAnswered(question, response))
    return { correct: false, score: 0, feedback: [] }
  return t.grade(question, response, ledger)
}

/**
 * The canonical correct response. For a numeric question, the true value
 * (the low end of a range fact); `undefined` when the ledger lacks the
 * answer fact.
 */
export function correctResponse(question: Question, ledger: Ledger): Response | undefined {
  return typeOf(question).correct(question, ledger) as Response | undefined
}

/**
 * A one-line human answer for the answer key and the presenter notes:
 * `B — The Exit and Entry Administration of the MPS`, `True`,
 * `39,000 people (±500)`, `“Talks begin” (2016) → “Deal signed” (2019) → …`.
 */
export function describeAnswer(question: Question, ledger: Ledger): string {
  return typeOf(question).describe(question, ledger)
}

/** What a question asks the learner to do, in a few words: `choose one`. */
export function typeLabel(question: Pick<Question, 'type'>): string {
  return typeOf(question as Question).label
}
