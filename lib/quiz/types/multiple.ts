/**
 * `multiple`: pick every right option; partial credit for partly right
 * picks. One or more options are `correct: true`; each wrong one says the
 * misconception it targets.
 *
 * Response: the indices of the chosen options (any order; empty = unanswered).
 * Credit: (right picks − wrong picks) / number of right options, at least 0.
 */
import type { z } from 'zod'
import type { PublicChoiceQuestion } from '../../class/tally-kit.ts'
import type { SharedFields } from './shared.ts'
import { fail, isInt, span, standInBase } from '../../class/tally-kit.ts'
import { choiceId, mappingOf, mapScore, responseDeclaration, startFeedback } from '../../export/qti-kit.ts'
import { checkOptions, choiceCounts, choiceView, describeOptions, giftOptions, kahootChoices, optionRows, printOptions, qtiChoices, rightOptions } from './choice.ts'
import { defineQuestionType, type Zod } from './define.ts'
import { citingParts, isIndex, whyOf } from './shared.ts'

const schema = (z: Zod, f: SharedFields) => z.object({
  type: z.literal('multiple'),
  ...f.base,
  /** At least two options, one or more `correct: true` (checked against the ledger). Shown in this order, lettered A, B, C … */
  options: z.array(f.Option).min(2, 'give at least two options'),
}).strict()

/** Pick every right option. */
export type MultipleQuestion = z.output<ReturnType<typeof schema>>

export const HINT = 'Choose every answer that applies.'

export const multiple = defineQuestionType<MultipleQuestion, number[], PublicChoiceQuestion>({
  type: 'multiple',
  label: 'choose all that apply',
  minutes: 2,
  input: 'MultipleInput',
  schema,
  blank: () => [],
  isAnswered: (q, r): r is number[] => Array.isArray(r) && r.length > 0 && r.every(i => isIndex(i, q.options.length)),
  grade(q, choices) {
    const chosen = new Set(choices)
    const nCorrect = q.options.filter(o => o.correct).length
    let right = 0
    let wrong = 0
    const feedback: string[] = []
    q.options.forEach((o, i) => {
      if (!chosen.has(i))
        return
      if (o.correct) {
        right++
      }
      else {
        wrong++
        feedback.push(...whyOf(o.why))
      }
    })
    const parts = q.options.map((o, i) => chosen.has(i) === o.correct)
    const score = nCorrect === 0 ? 0 : Math.max(0, (right - wrong) / nCorrect)
    return { correct: parts.every(Boolean), score, parts, feedback }
  },
  correct: q => rightOptions(q),
  describe: describeOptions,
  solution: 'stated',
  rows: (q, choices) => optionRows(q, new Set(choices)),
  cannotCheck: (_q, r) => Array.isArray(r) && r.length > 0 ? undefined : 'Choose at least one answer before pressing Check.',
  citing: q => citingParts('options', q.options),
  check(q, ledger, report) {
    if (!q.options.some(o => o.correct))
      report(['options'], 'a multiple-choice question needs at least one correct option')
    checkOptions(q, ledger, report)
  },
  judged: q => q.options.some(o => o.judged),
  gift: giftOptions,
  qti(q, ctx) {
    // Each right choice +1, each wrong one −(number right): one wrong pick cancels the credit, as in the GIFT export.
    const right = rightOptions(q).map(choiceId)
    const n = right.length
    const entries = q.options.map((o, i): [string, number] => [choiceId(i), o.correct ? 1 : -n])
    return {
      ...qtiChoices(q, ctx, 0),
      response: responseDeclaration('multiple', 'identifier', right, mappingOf(entries, { lower: 0, upper: n })),
      processing: [mapScore(n), startFeedback(true)],
    }
  },
  kahoot: kahootChoices,
  print: (q, ledger) => printOptions(q, ledger, HINT),
  classroom: {
    view: choiceView,
    fromView: (q, r) => {
      const n = q.options.length
      if (!Array.isArray(r) || r.length === 0 || !r.every(i => isInt(i, n)))
        return fail(`Choose at least one option: send a list of option numbers, each ${span(n)}.`)
      if (new Set(r).size !== r.length)
        return fail('Choose each option at most once.')
      return { ok: true, response: [...r].sort((a, b) => a - b) }
    },
    toView: (_q, r) => r,
    answerView: q => rightOptions(q),
    tally: (q, responses, ledger) => choiceCounts(q, responses as number[][], ledger),
    standIn: v => ({ question: { ...standInBase(v), type: 'multiple', options: v.options.map(text => ({ text, correct: false })) } as unknown as MultipleQuestion, start: [] }),
  },
})
