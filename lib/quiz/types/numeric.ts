/**
 * `numeric`: type in a figure. The true value is a ledger fact (`answer:
 * { fact }`, a range fact accepting any value between its ends) or a number
 * equal to a cited fact's value; `tolerance` or `range` widens what is
 * accepted; `distractors` carry feedback for common wrong figures.
 *
 * Response: a number, or the text as typed (`"39,000"`, `"about 39000"`,
 * `"39000 people"`); text that is not a figure counts as not answered.
 */
import type { z } from 'zod'
import type { Bin, TallyBody, ViewBase } from '../../class/tally-kit.ts'
import type { Ledger } from '../derive.ts'
import type { SharedFields } from './shared.ts'
import { binIndex, binStep, fail, numericBins, standInBase } from '../../class/tally-kit.ts'
import { ExportError, plainNumber, RIGHT_FEEDBACK } from '../../export/common.ts'
import { generalFeedback, giftText } from '../../export/gift-kit.ts'
import { addFeedback, baseValue, condition, distractorId, el, lines, modalFeedback, RESPONSE, responseDeclaration, setScore, startFeedback, txt, variable } from '../../export/qti-kit.ts'
import { formatNumber } from '../../format.ts'
import { acceptedInterval, isNumericValue, numericTruth, within } from '../derive.ts'
import { normalise, parseNumberInput } from '../text.ts'
import { defineQuestionType, type Zod } from './define.ts'
import { citedFacts } from './shared.ts'
import { numbersOf } from '../../format.ts'

const schema = (z: Zod, f: SharedFields) => z.object({
  type: z.literal('numeric'),
  ...f.base,
  /** `{ fact: id }` (a ledger id of kind `number`, `range` or `year`) or `{ value: n }` (equal to a cited fact's value or an end of a cited range). */
  answer: z.union([z.object({ fact: f.Id }).strict(), z.object({ value: z.number() }).strict()]),
  /** Absolute tolerance either side of the answer, inclusive. Default: `0`. Not together with `range`. */
  tolerance: z.number().min(0).optional(),
  /** Accepted range `[min, max]`, inclusive, instead of a tolerance. Default: none. */
  range: z.tuple([z.number(), z.number()]).optional(),
  /** Unit shown beside the input, e.g. `people`. Required. */
  unit: f.Text,
  /** Common wrong answers with feedback: the value (the accepted tolerance or range must not admit it) and why a learner might give it. Default: `[]`. */
  distractors: z.array(z.object({ value: z.number(), why: f.Why }).strict()).default([]),
}).strict().superRefine((q, ctx) => {
  if (q.tolerance !== undefined && q.range !== undefined)
    ctx.addIssue({ code: 'custom', path: ['range'], message: 'give `tolerance` or `range`, not both' })
  if (q.range && q.range[0] > q.range[1])
    ctx.addIssue({ code: 'custom', path: ['range'], message: 'the range minimum is greater than its maximum' })
})

/** Type in a number. */
export type NumericQuestion = z.output<ReturnType<typeof schema>>
/** The true value of a numeric question. */
export type NumericAnswer = NumericQuestion['answer']
/** A common wrong answer to a numeric question, with feedback. */
export type Distractor = NumericQuestion['distractors'][number]

/** Whether the answer is a year, written as a year: 2014, not "2,014". */
function isYear(q: NumericQuestion, ledger: Ledger): boolean {
  return 'fact' in q.answer && ledger.get(q.answer.fact)?.value.kind === 'year'
}

/** `39,000 people (±500)`, `300–800 people a year`, `2014`. */
function describe(q: NumericQuestion, ledger: Ledger): string {
  const truth = numericTruth(q, ledger)
  if (!truth)
    return `(answer fact missing from the ledger) ${q.unit}`
  const year = isYear(q, ledger)
  const fmt = year ? String : formatNumber
  const value = truth[0] === truth[1] ? fmt(truth[0]) : `${fmt(truth[0])}–${fmt(truth[1])}`
  const main = year ? value : `${value} ${q.unit}`
  if (q.range)
    return `${main} (accepted ${fmt(q.range[0])}–${fmt(q.range[1])})`
  return q.tolerance ? `${main} (±${formatNumber(q.tolerance)})` : main
}

/**
 * The stem of a numeric question in GIFT. GIFT has no units, so the unit
 * follows in brackets, unless the stem already names it ("… Answer in people.").
 */
export function numericStem(q: NumericQuestion): string {
  return normalise(q.stem).includes(normalise(q.unit)) ? q.stem : `${q.stem} (${q.unit})`
}

/**
 * The accepted answer in GIFT: `value:tolerance` when the truth is one
 * figure, else `min..max` (a `range`, or a range fact widened by the tolerance).
 */
export function numericAnswer(q: NumericQuestion, ledger: Ledger): string {
  const truth = numericTruth(q, ledger)
  const interval = acceptedInterval(q, ledger)
  if (!truth || !interval)
    throw new ExportError(`${q.id}: the answer fact is missing from the ledger`)
  if (!q.range && truth[0] === truth[1])
    return `${plainNumber(truth[0])}:${plainNumber(q.tolerance ?? 0)}`
  return `${plainNumber(interval[0])}..${plainNumber(interval[1])}`
}

/** The view of a numeric question: its unit. */
export interface PublicNumericQuestion extends ViewBase { type: 'numeric', unit: string }

function numericTally(q: NumericQuestion, responses: readonly number[], ledger: Ledger): TallyBody {
  const interval = acceptedInterval(q, ledger)
  const fmt = isYear(q, ledger) ? String : formatNumber
  const distractors = q.distractors.map(d => ({ value: d.value, label: fmt(d.value), count: responses.filter(r => r === d.value).length }))
  if (!interval) {
    // The ledger lacks the answer (a validation error elsewhere): one bin per distinct figure.
    const seen = [...new Set(responses)].sort((a, b) => a - b)
    return { kind: 'histogram', unit: q.unit, interval: null, bins: seen.map(v => ({ label: fmt(v), lo: v, hi: v, count: responses.filter(r => r === v).length, accepted: false })), distractors }
  }
  const shape = numericBins(interval, binStep(interval, isYear(q, ledger)), fmt)
  const bins: Bin[] = shape.map(b => ({ ...b, count: 0 }))
  for (const r of responses)
    bins[binIndex(shape, r)].count++
  return { kind: 'histogram', unit: q.unit, interval: [interval[0], interval[1]], bins, distractors }
}

export const numeric = defineQuestionType<NumericQuestion, number | string, PublicNumericQuestion>({
  type: 'numeric',
  label: 'give a figure',
  minutes: 1,
  input: 'NumericInput',
  schema,
  blank: () => '',
  isAnswered: (q, r): r is number | string => parseNumberInput(r, q.unit) !== undefined,
  grade(q, typed, ledger) {
    const n = parseNumberInput(typed, q.unit)!
    const interval = acceptedInterval(q, ledger)
    if (interval && within(n, interval))
      return { correct: true, score: 1, feedback: [] }
    const distractor = q.distractors.find(d => d.value === n)
    return { correct: false, score: 0, feedback: distractor ? [distractor.why] : [] }
  },
  // The true value (the low end of a range fact).
  correct: (q, ledger) => numericTruth(q, ledger)?.[0],
  describe,
  solution: 'stated',
  rows: () => [],
  cannotCheck(q, r) {
    const typed = typeof r === 'string' ? r.trim() : r
    if (typed === '' || typed === undefined || typed === null)
      return 'Type a figure before pressing Check.'
    if (parseNumberInput(r, q.unit) === undefined)
      return `“${String(typed)}” is not a figure. Type digits, for example 1,200 or 1200.`
    return undefined
  },
  citing: q => 'fact' in q.answer ? [{ at: ['answer'], fact: q.answer.fact, factAt: ['answer', 'fact'] }] : [],
  check(q, ledger, report) {
    if ('fact' in q.answer) {
      const v = ledger.get(q.answer.fact)?.value
      if (v && !isNumericValue(v))
        report(['answer', 'fact'], `answer fact \`${q.answer.fact}\` is a ${v.kind}, not a number, range or year`)
    }
    else {
      const cited = citedFacts(q, ledger).flatMap(f => isNumericValue(f.value) ? numbersOf(f.value) : [])
      if (!cited.includes(q.answer.value))
        report(['answer', 'value'], `correct answer disagrees with ledger: ${formatNumber(q.answer.value)} is not the value of any cited number, range or year fact`)
    }
    // The accepted interval holds the truth (both ends of a range) and no distractor.
    const truth = numericTruth(q, ledger)
    const interval = acceptedInterval(q, ledger)
    if (!truth || !interval)
      return
    const at = q.range ? ['range'] : ['tolerance']
    if (!within(truth[0], interval) || !within(truth[1], interval))
      report(at, `the accepted range ${formatNumber(interval[0])}–${formatNumber(interval[1])} does not contain the answer`)
    q.distractors.forEach((d, k) => {
      if (within(d.value, interval))
        report(['distractors', k, 'value'], `the accepted ${q.range ? 'range' : 'tolerance'} admits this distractor (${formatNumber(d.value)})`)
    })
  },
  judged: () => false,
  gift(q, ctx) {
    const answer = numericAnswer(q, ctx.ledger)
    if (!q.distractors.length)
      return { stem: numericStem(q), open: '{#', answers: [answer], general: generalFeedback(q, ctx) }
    return {
      stem: numericStem(q),
      open: '{#',
      answers: [
        `=${answer}#${giftText(RIGHT_FEEDBACK)}`,
        // A 0 % answer carries the feedback for a common wrong figure.
        ...q.distractors.map(d => `=%0%${plainNumber(d.value)}#${giftText(d.why)}`),
      ],
      general: generalFeedback(q, ctx),
    }
  },
  qti(q, ctx) {
    const interval = acceptedInterval(q, ctx.ledger)
    const truth = numericTruth(q, ctx.ledger)?.[0]
    if (!interval || truth === undefined)
      throw new ExportError(`${q.id}: the answer fact is missing from the ledger`)
    const [lo, hi] = interval.map(n => plainNumber(n))
    const response = variable(RESPONSE)
    return {
      response: responseDeclaration('single', 'float', [plainNumber(truth)]),
      body: [
        el('p', {}, lines(q.stem)),
        el('p', {}, [
          el('qti-text-entry-interaction', {
            'response-identifier': RESPONSE,
            'expected-length': Math.max(6, hi.length + 2),
            'pattern-mask': '^[+-]?[0-9]+([.][0-9]+)?$',
            'data-patternmask-message': 'Type digits only, without thousands separators, e.g. 1500.',
          }),
          txt(` ${q.unit}`),
        ]),
      ],
      processing: [
        condition(el('qti-and', {}, [
          el('qti-gte', {}, [response, baseValue('float', lo)]),
          el('qti-lte', {}, [response, baseValue('float', hi)]),
        ]), [setScore(1)], [setScore(0)]),
        startFeedback(false),
        ...q.distractors.map((d, k) => condition(
          el('qti-equal', { 'tolerance-mode': 'exact' }, [response, baseValue('float', plainNumber(d.value))]),
          [addFeedback(distractorId(k))],
        )),
      ],
      feedback: q.distractors.map((d, k) => modalFeedback(distractorId(k), 'A common wrong figure', [el('p', {}, lines(d.why))])),
    }
  },
  kahoot: () => ({ unsupported: 'a numeric question asks for a typed figure; Kahoot\'s quiz spreadsheet has only answers to choose from' }),
  print: q => ({ stem: q.stem, groups: [[`Your figure: ____________ ${q.unit}`]] }),
  classroom: {
    view: (q): PublicNumericQuestion => ({ type: 'numeric', id: q.id, stem: q.stem, unit: q.unit }),
    fromView: (q, r) => {
      if (typeof r === 'string' && r.length > 60)
        return fail('Type a figure of at most 60 characters.')
      const n = parseNumberInput(r, q.unit)
      if (n === undefined) {
        return fail(typeof r === 'string' && r.trim() !== ''
          ? `“${r.trim()}” is not a figure. Type digits, for example 1,200 or 1200.`
          : 'Type a figure: send a number, or the text typed (for example "about 39,000").')
      }
      return { ok: true, response: n }
    },
    toView: (_q, r) => r,
    answerView: (q, ledger) => acceptedInterval(q, ledger) ?? null,
    tally: (q, responses, ledger) => numericTally(q, responses.map(r => parseNumberInput(r, q.unit)!), ledger),
    standIn: v => ({ question: { ...standInBase(v), type: 'numeric', unit: v.unit } as unknown as NumericQuestion, start: '' }),
  },
})
