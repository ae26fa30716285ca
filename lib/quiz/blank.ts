/**
 * The response a question starts from before the learner touches it, in the
 * shapes `grade` expects (see grade.ts). An ordering question starts in a
 * seeded shuffle that is never the answer; everything else starts empty.
 * Each type module says its own (member `blank`).
 */
import type { Question } from './types/index.ts'
import { typeOf } from './types/index.ts'

export function blankResponse(question: Question): unknown {
  return typeOf(question).blank(question)
}
