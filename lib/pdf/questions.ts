/**
 * A question as the printed slide shows it, as plain lines, for the
 * handout's list of each module's questions: the stem, a hint, the lettered
 * options (or the blanks), in the same order as the quiz slide prints them.
 * Each type's module says what its printed form is (member `print`); the
 * slide prints the same through components/quiz/PrintedQuestion.vue. No
 * answer is marked.
 */
import type { Ledger } from '../quiz/derive.ts'
import type { Question } from '../quiz/schema.ts'
import type { PrintedQuestion } from '../quiz/types/define.ts'
import { typeOf } from '../quiz/types/index.ts'

export { BLANK } from '../quiz/types/define.ts'
export type { PrintedQuestion } from '../quiz/types/define.ts'

export function printedQuestion(q: Question, ledger: Ledger): PrintedQuestion {
  return typeOf(q).print(q, ledger)
}
