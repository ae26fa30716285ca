/**
 * The response a question starts from before the learner touches it, in the
 * shapes `grade` expects (see grade.ts). An ordering question starts in a
 * seeded shuffle that is never the answer; everything else starts empty.
 */
import type { Question } from './schema.ts'
import { startingOrder } from './shuffle.ts'

export function blankResponse(question: Question): unknown {
  switch (question.type) {
    case 'single': return null
    case 'multiple': return []
    case 'truefalse': return null
    case 'numeric': return ''
    case 'ordering': return startingOrder(question.items.length, question.id)
    case 'matching': return question.pairs.map(() => null)
    case 'classify': return question.statements.map(() => null)
  }
}
