/**
 * Per-row feedback after a check: which option, statement, pair or ordered
 * item the learner got right. Pure, so the UI only draws what this decides.
 *
 * A row is `true` (right), `false` (wrong) or `undefined` (nothing to say:
 * an option the learner did not choose, whose mark would give the answer
 * away). Rows are indexed as the learner sees them: options, statements and
 * lefts in file order, ordering items by the learner's position.
 */
import type { Ledger } from './derive.ts'
import type { Question } from './schema.ts'
import { expectedCategories, orderingKeys } from './derive.ts'
import { isAnswered } from './grade.ts'

export type RowVerdict = boolean | undefined

export function rowVerdicts(question: Question, response: unknown, ledger: Ledger): RowVerdict[] {
  if (!isAnswered(question, response))
    return []
  switch (question.type) {
    case 'single':
      return question.options.map((o, i) => i === response ? o.correct : undefined)
    case 'multiple': {
      const chosen = new Set(response as number[])
      return question.options.map((o, i) => chosen.has(i) ? o.correct : undefined)
    }
    case 'truefalse':
      // Rows are True (0) and False (1).
      return [true, false].map(v => v === response ? v === question.answer : undefined)
    case 'numeric':
      return []
    case 'ordering': {
      // An item is in place when its date is the one that belongs at its position (ties share places).
      const keys = orderingKeys(question, ledger)
      const sorted = [...keys].sort((a, b) => a - b)
      return (response as number[]).map((item, pos) => keys[item] === sorted[pos])
    }
    case 'matching':
      return question.pairs.map((p, i) => question.pairs[(response as number[])[i]].right === p.right)
    case 'classify': {
      const want = expectedCategories(question, ledger)
      return question.statements.map((_, i) => want[i] !== undefined && (response as unknown[])[i] === want[i])
    }
  }
}
