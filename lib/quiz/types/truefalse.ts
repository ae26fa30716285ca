/**
 * `truefalse`: is the stem true or false? The key is derived from the ledger
 * wherever the stem's figures can decide it (every restated value matches →
 * true; any differs → false); `judged: true` marks the rest.
 *
 * Response: `true` or `false`.
 */
import type { z } from 'zod'
import type { ViewBase } from '../../class/tally-kit.ts'
import type { SharedFields } from './shared.ts'
import { choiceTally, fail, standInBase } from '../../class/tally-kit.ts'
import { trueFalseRightFeedback } from '../../export/common.ts'
import { generalFeedback, giftText } from '../../export/gift-kit.ts'
import { el, inlineFeedback, matchCorrect, prompt, RESPONSE, responseDeclaration, startFeedback, txt } from '../../export/qti-kit.ts'
import { restatedTruth } from '../derive.ts'
import { defineQuestionType, type Zod } from './define.ts'
import { fallbackFacts, reportRestating } from './shared.ts'

const schema = (z: Zod, f: SharedFields) => z.object({
  type: z.literal('truefalse'),
  ...f.base,
  /** Whether the stem is true. Checked against the ledger through `restates`, unless `judged`. */
  answer: z.boolean(),
  /** The misconception behind the wrong answer. Required. */
  why: f.Why,
  /** The facts the stem's figures restate. With one cited fact, that fact. */
  restates: f.Restates.optional(),
  /** The answer is a judgement the ledger cannot decide. Default: false. */
  judged: f.Judged,
}).strict()

/** Is the stem true or false? */
export type TrueFalseQuestion = z.output<ReturnType<typeof schema>>

/**
 * GIFT's `TRUE#<feedback if wrong>#<feedback if right>` (or `FALSE#…#…`).
 *
 * Moodle (`split_truefalse_comment` in `question/format/gift/format.php`)
 * reads the FIRST `#` text as the feedback for a learner who answered
 * wrongly and the SECOND as the feedback for a right answer, whichever of
 * TRUE or FALSE is the answer.
 *
 * gift-pegjs names the two by position, not by meaning: it returns the first
 * `#` text as `trueFeedback` and the second as `falseFeedback`, for `{TRUE…}`
 * and `{FALSE…}` alike. So after parsing our files with gift-pegjs:
 *   - `trueFeedback`  = the first `#` = shown when the learner is WRONG = the question's `why`;
 *   - `falseFeedback` = the second `#` = shown when the learner is RIGHT = `Correct: the statement is …`.
 */
export function trueFalseAnswer(q: TrueFalseQuestion): string {
  return `${q.answer ? 'TRUE' : 'FALSE'}#${giftText(q.why)}#${giftText(trueFalseRightFeedback(q))}`
}

/** The view of a true/false question: its stem alone. */
export interface PublicTrueFalseQuestion extends ViewBase { type: 'truefalse' }

export const truefalse = defineQuestionType<TrueFalseQuestion, boolean, PublicTrueFalseQuestion>({
  type: 'truefalse',
  label: 'true or false',
  minutes: 1,
  input: 'TrueFalseInput',
  schema,
  blank: () => null,
  isAnswered: (_q, r): r is boolean => typeof r === 'boolean',
  grade: (q, answer) => answer === q.answer ? { correct: true, score: 1, feedback: [] } : { correct: false, score: 0, feedback: [q.why] },
  correct: q => q.answer,
  describe: q => q.answer ? 'True' : 'False',
  solution: 'stated',
  // Rows are True (0) and False (1); only the chosen one is marked.
  rows: (q, answer) => [true, false].map(v => v === answer ? v === q.answer : undefined),
  cannotCheck: (_q, r) => typeof r === 'boolean' ? undefined : 'Choose an answer before pressing Check.',
  citing: q => q.restates ? [{ at: [], restates: q.restates }] : [],
  /**
   * The key of a true/false question comes from the ledger wherever its
   * figures can decide it: every restated value matches → true, any
   * differs → false. `judged: true` marks the rest, and lets a statement whose
   * figures are right be false for another reason; it never lets a wrong
   * figure pass as true.
   */
  check(q, ledger, report) {
    const r = restatedTruth(q.stem, q.restates, fallbackFacts(undefined, q), ledger)
    reportRestating(r, ['stem'], ['restates'], 'add it to `restates` (figure: ledger id)', report)
    if (r.unrestated.length || r.badKeys.length)
      return
    const t = r.truth
    if (t.kind === 'false' && q.answer)
      report(['answer'], `correct answer disagrees with ledger: the key says true, but ${t.why}, so the statement is false`)
    else if (t.kind === 'true' && !q.answer && !q.judged)
      report(['answer'], 'correct answer disagrees with ledger: the key says false, but every figure the stem restates matches the ledger; if the statement is false for another reason, mark it `judged: true`')
    else if (t.kind === 'undecided' && !q.judged)
      report(['answer'], `the ledger cannot decide this answer (${t.why}): restate a figure in \`restates\`, or mark the answer \`judged: true\``)
  },
  judged: q => !!q.judged,
  gift: (q, ctx) => ({ stem: q.stem, answers: [trueFalseAnswer(q)], general: generalFeedback(q, ctx) }),
  qti(q) {
    const choice = (value: boolean) => {
      const id = value ? 'TRUE' : 'FALSE'
      return el('qti-simple-choice', { identifier: id }, [
        txt(value ? 'True' : 'False'),
        inlineFeedback(id, value === q.answer ? trueFalseRightFeedback(q) : q.why),
      ])
    }
    return {
      response: responseDeclaration('single', 'identifier', [q.answer ? 'TRUE' : 'FALSE']),
      body: [el('qti-choice-interaction', { 'response-identifier': RESPONSE, 'shuffle': 'false', 'max-choices': 1, 'min-choices': 1 }, [
        prompt(q.stem),
        choice(true),
        choice(false),
      ])],
      processing: [matchCorrect(), startFeedback(true)],
    }
  },
  kahoot: q => ({ texts: ['True', 'False'], right: [q.answer, !q.answer] }),
  print: q => ({ stem: q.stem, groups: [['A. True', 'B. False']] }),
  classroom: {
    view: (q): PublicTrueFalseQuestion => ({ type: 'truefalse', id: q.id, stem: q.stem }),
    fromView: (_q, r) => typeof r === 'boolean' ? { ok: true, response: r } : fail('Answer true or false: send `true` or `false`.'),
    toView: (_q, r) => r,
    answerView: q => q.answer,
    tally: (q, responses) => {
      const counts = [0, 0]
      for (const r of responses)
        counts[r ? 0 : 1]++
      return choiceTally(['True', 'False'], [q.answer, !q.answer], counts, false)
    },
    standIn: v => ({ question: { ...standInBase(v), type: 'truefalse' } as unknown as TrueFalseQuestion, start: null }),
  },
})
