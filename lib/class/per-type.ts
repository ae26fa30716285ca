/**
 * The classroom server's view of a question, through its type's module:
 * each type's `classroom` member (`lib/quiz/types/<type>.ts`) says what a
 * phone may see, how a phone's response maps to the canonical one, and how
 * the room's answers are counted. The shapes and shared tools are in
 * `tally-kit.ts`.
 *
 * Pure: no I/O, no Vue.
 */
import type { Ledger } from '../quiz/derive.ts'
import type { Question, QuestionType } from '../quiz/types/index.ts'
import type { Parsed, StandIn, Tally } from './tally-kit.ts'
import { grade, isAnswered } from '../quiz/grade.ts'
import { QUESTION_TYPES, typeOf } from '../quiz/types/index.ts'
import { fail } from './tally-kit.ts'

export { binIndex, binStep, matchingDisplay, niceStep, numericBins, orderingDisplay, SIDE_BINS } from './tally-kit.ts'
export type { Bin, ChoiceCount, Parsed, StandIn, Tally, TallyBody } from './tally-kit.ts'

/** A question as a phone sees it: the view of its type (no answer in it). */
export type PublicQuestion = { [T in QuestionType]: ReturnType<(typeof QUESTION_TYPES)[T]['classroom']['view']> }[QuestionType]

/** The public view of `q`: what a phone may see before the reveal. */
export function publicView(q: Question, ledger: Ledger): PublicQuestion {
  return typeOf(q).classroom.view(q, ledger) as PublicQuestion
}

/**
 * Read a phone's response to `q`: the canonical response `grade` expects,
 * or a message saying why it is not a valid response for its type. The
 * final word is `isAnswered` from the quiz engine, so the server accepts
 * exactly what the self-study quiz would let a learner check.
 */
export function parseResponse(q: Question, response: unknown, ledger: Ledger): Parsed {
  const parsed = typeOf(q).classroom.fromView(q, response, ledger)
  if (!parsed.ok)
    return parsed
  if (!isAnswered(q, parsed.response))
    return fail(`Not a complete answer to this ${q.type} question.`)
  return parsed
}

/**
 * Whether `response` is in the canonical shape the engine stores (read back
 * from the session file): a complete answer that a phone's view of it maps
 * back to unchanged (so a typed "39,000" is not canonical; 39000 is).
 */
export function isCanonical(q: Question, response: unknown, ledger: Ledger): boolean {
  if (!isAnswered(q, response))
    return false
  const c = typeOf(q).classroom
  const back = c.fromView(q, c.toView(q, response), ledger)
  return back.ok && JSON.stringify(back.response) === JSON.stringify(response)
}

/** A stored canonical response in the view's indices. */
export function responseView(q: Question, response: unknown): unknown {
  return typeOf(q).classroom.toView(q, response)
}

/** The right answer in the view's indices. */
export function answerView(q: Question, ledger: Ledger): unknown {
  return typeOf(q).classroom.answerView(q, ledger)
}

/**
 * The stand-in question a phone's input draws for a public view, with the
 * response to start from (see `ClassType.standIn`). Runs in the browser.
 */
export function standIn(view: PublicQuestion): StandIn<Question> {
  const t = QUESTION_TYPES[view.type as QuestionType]
  if (!t)
    throw new Error(`unknown question type "${view.type}"`)
  return (t.classroom.standIn as (v: PublicQuestion) => StandIn<Question>)(view)
}

/** Count canonical `responses` (one per device) to `q`. */
export function tally(q: Question, responses: readonly unknown[], ledger: Ledger): Tally {
  const valid = responses.filter(r => isAnswered(q, r))
  const body = typeOf(q).classroom.tally(q, valid, ledger)
  const right = valid.filter(r => grade(q, r, ledger).correct).length
  return { question: q.id, type: q.type, answered: valid.length, right, ...body }
}
