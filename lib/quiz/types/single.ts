/**
 * `single`: pick one option. Exactly one is `correct: true`; each wrong one
 * says the misconception it targets (`why`), shown when it is chosen.
 *
 * ```yaml
 * - id: q05-sky-net-runner
 *   type: single
 *   stem: Which Chinese body runs Sky Net?
 *   facts: [nsc-runs-sky-net, mps]
 *   explanation: According to the article (paragraph 16) …
 *   options:
 *     - fact: nsc-runs-sky-net        # no text: shows the ledger value
 *       correct: true
 *     - text: Ministry of Public Security (MPS)
 *       why: Fox Hunt itself is police-run, but the wider Sky Net is run by the NSC.
 * ```
 *
 * Response: the index of the chosen option.
 */
import type { z } from 'zod'
import type { PublicChoiceQuestion } from '../../class/tally-kit.ts'
import type { SharedFields } from './shared.ts'
import { matchCorrect, responseDeclaration, startFeedback, choiceId } from '../../export/qti-kit.ts'
import { fail, isInt, span, standInBase } from '../../class/tally-kit.ts'
import { checkOptions, choiceCounts, choiceView, describeOptions, giftOptions, kahootChoices, optionRows, printOptions, qtiChoices, rightOptions } from './choice.ts'
import { defineQuestionType, type Zod } from './define.ts'
import { citingParts, isIndex, whyOf } from './shared.ts'

const schema = (z: Zod, f: SharedFields) => z.object({
  type: z.literal('single'),
  ...f.base,
  /** At least two options, exactly one `correct: true` (checked against the ledger). Shown in this order, lettered A, B, C … */
  options: z.array(f.Option).min(2, 'give at least two options'),
}).strict()

/** Pick exactly one option. */
export type SingleQuestion = z.output<ReturnType<typeof schema>>

export const single = defineQuestionType<SingleQuestion, number, PublicChoiceQuestion>({
  type: 'single',
  label: 'choose one',
  minutes: 1,
  input: 'SingleInput',
  schema,
  blank: () => null,
  isAnswered: (q, r): r is number => isIndex(r, q.options.length),
  grade(q, choice) {
    const option = q.options[choice]
    return option.correct ? { correct: true, score: 1, feedback: [] } : { correct: false, score: 0, feedback: whyOf(option.why) }
  },
  correct: q => q.options.findIndex(o => o.correct),
  describe: describeOptions,
  solution: 'stated',
  rows: (q, choice) => optionRows(q, new Set([choice])),
  cannotCheck: (q, r) => isIndex(r, q.options.length) ? undefined : 'Choose an answer before pressing Check.',
  citing: q => citingParts('options', q.options),
  check(q, ledger, report) {
    const n = q.options.filter(o => o.correct).length
    if (n !== 1)
      report(['options'], `a single-choice question needs exactly one correct option (found ${n})`)
    checkOptions(q, ledger, report)
  },
  judged: q => q.options.some(o => o.judged),
  gift: giftOptions,
  qti: (q, ctx) => ({
    ...qtiChoices(q, ctx, 1),
    response: responseDeclaration('single', 'identifier', rightOptions(q).map(choiceId)),
    processing: [matchCorrect(), startFeedback(true)],
  }),
  kahoot: kahootChoices,
  print: (q, ledger) => printOptions(q, ledger),
  classroom: {
    view: choiceView,
    fromView: (q, r) => isInt(r, q.options.length) ? { ok: true, response: r } : fail(`Choose one option: send its number, ${span(q.options.length)}.`),
    toView: (_q, r) => r,
    answerView: q => q.options.findIndex(o => o.correct),
    tally: (q, responses, ledger) => choiceCounts(q, responses.map(r => [r as number]), ledger),
    standIn: v => ({ question: { ...standInBase(v), type: 'single', options: v.options.map(text => ({ text, correct: false })) } as unknown as SingleQuestion, start: null }),
  },
})
