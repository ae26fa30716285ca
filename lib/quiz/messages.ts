/**
 * What a learner is told when Check cannot grade yet, by question type (each
 * type module's `cannotCheck`). Pure, so the same words reach the page, the
 * screen reader and the tests.
 */
import type { Question } from './types/index.ts'
import { typeOf } from './types/index.ts'

/**
 * Why `response` cannot be checked, or `undefined` when it can. Shown next
 * to the field it is about and tied to it with `aria-describedby`.
 */
export function cannotCheck(question: Question, response: unknown): string | undefined {
  return typeOf(question).cannotCheck(question, response)
}
