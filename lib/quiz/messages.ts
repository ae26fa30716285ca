/**
 * What a learner is told when Check cannot grade yet, by question type.
 * Pure, so the same words reach the page, the screen reader and the tests.
 */
import type { Question } from './schema.ts'
import { parseNumberInput } from './text.ts'

/**
 * Why `response` cannot be checked, or `undefined` when it can. Shown next
 * to the field it is about and tied to it with `aria-describedby`.
 */
export function cannotCheck(question: Question, response: unknown): string | undefined {
  switch (question.type) {
    case 'numeric': {
      const typed = typeof response === 'string' ? response.trim() : response
      if (typed === '' || typed === undefined || typed === null)
        return 'Type a figure before pressing Check.'
      if (parseNumberInput(response, question.unit) === undefined)
        return `“${String(typed)}” is not a figure. Type digits, for example 1,200 or 1200.`
      return undefined
    }
    case 'multiple':
      return Array.isArray(response) && response.length > 0 ? undefined : 'Choose at least one answer before pressing Check.'
    case 'matching':
      return Array.isArray(response) && response.every(r => r !== null && r !== undefined) ? undefined : 'Choose a match for every row before pressing Check.'
    case 'classify':
      return Array.isArray(response) && response.every(r => r !== null && r !== undefined) ? undefined : 'Mark every statement before pressing Check.'
    case 'ordering':
      return undefined
    default:
      return response === null || response === undefined ? 'Choose an answer before pressing Check.' : undefined
  }
}
