/**
 * Per-row feedback after a check: which option, statement, pair or ordered
 * item the learner got right. Pure, so the UI only draws what this decides;
 * each type module says what its rows are (member `rows`).
 *
 * A row is `true` (right), `false` (wrong) or `undefined` (nothing to say:
 * an option the learner did not choose, whose mark would give the answer
 * away). Rows are indexed as the learner sees them: options, statements and
 * lefts in file order, ordering items by the learner's position.
 */
import type { Ledger } from './derive.ts'
import type { Question } from './types/index.ts'
import { typeOf } from './types/index.ts'

export type { RowVerdict } from './types/define.ts'

export function rowVerdicts(question: Question, response: unknown, ledger: Ledger): (boolean | undefined)[] {
  const t = typeOf(question)
  return t.isAnswered(question, response) ? t.rows(question, response, ledger) : []
}
