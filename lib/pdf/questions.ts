/**
 * A question as the printed slide shows it, as plain lines, for the
 * handout's list of each module's questions: the stem, a hint, the lettered
 * options (or the blanks), in the same order as the quiz slide prints them
 * (components/Quiz.vue in print mode). No answer is marked.
 */
import type { Ledger } from '../quiz/derive.ts'
import type { Question } from '../quiz/schema.ts'
import { categoriesOf } from '../quiz/categories.ts'
import { optionText } from '../quiz/derive.ts'
import { categoryLabel } from '../quiz/grade.ts'
import { seededPermutation, startingOrder } from '../quiz/shuffle.ts'
import { letter } from '../quiz/text.ts'

export interface PrintedQuestion {
  stem: string
  /** What to do, when the options alone do not say it. */
  hint?: string
  /**
   * Options or items (`A. …`, `1. … ___`), in groups: each group prints as
   * one run of text (the options of a choice), and a new group on a new line
   * (a matching question's right-hand side, each statement to classify).
   */
  groups: string[][]
}

export const BLANK = '___'

export function printedQuestion(q: Question, ledger: Ledger): PrintedQuestion {
  switch (q.type) {
    case 'single':
      return { stem: q.stem, groups: [q.options.map((o, i) => `${letter(i)}. ${optionText(o, ledger)}`)] }
    case 'multiple':
      return { stem: q.stem, hint: 'Choose every answer that applies.', groups: [q.options.map((o, i) => `${letter(i)}. ${optionText(o, ledger)}`)] }
    case 'truefalse':
      return { stem: q.stem, groups: [['A. True', 'B. False']] }
    case 'numeric':
      return { stem: q.stem, groups: [[`Your figure: ____________ ${q.unit}`]] }
    case 'ordering':
      return { stem: q.stem, hint: 'Number the events from earliest (1) to latest.', groups: [startingOrder(q.items.length, q.id).map(i => `${BLANK} ${q.items[i].text}`)] }
    case 'matching': {
      const right = seededPermutation(q.pairs.length, `${q.id}:right`)
      return {
        stem: q.stem,
        groups: [
          q.pairs.map((p, i) => `${i + 1}. ${p.left} ${BLANK}`),
          right.map((r, j) => `${letter(j)}. ${q.pairs[r].right}`),
        ],
      }
    }
    case 'classify':
      return {
        stem: q.stem,
        hint: `Mark each statement: ${categoriesOf(q.scheme).map(categoryLabel).join(' / ')}.`,
        groups: q.statements.map(s => [`${s.text} ${BLANK}`]),
      }
  }
}
