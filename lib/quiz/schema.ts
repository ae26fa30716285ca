/**
 * Schema of a quiz file, `quizzes/NN-name.yaml`.
 *
 * The schema checks the shape of each question; whether the answers agree
 * with the fact ledger is checked by `lib/quiz/validate.ts`, and grading lives
 * in `lib/quiz/grade.ts`. Pure data validation: no Vue, no Slidev, no file
 * system.
 *
 * Answers come from the ledger wherever they can: an ordering question is
 * graded by the ledger dates of its items, a classify question by the ledger
 * status of its statements, a numeric question may name its answer fact.
 */
import { z } from 'zod'
import { Id, Status } from '../ledger/schema.ts'

/** Non-empty text. */
const Text = z.string().trim().min(1, 'must not be empty')

/**
 * Feedback for a wrong answer: the misconception it targets, in one or two
 * sentences ("Confuses the embassy, which only verifies identity, with …").
 */
const Why = z.string().trim().min(1, 'explain the misconception this wrong answer targets')

/**
 * The ledger facts the figures of a text restate: each key is a figure as the
 * text writes it (`early 2014`, `"39,000"`, `eight`), each value the ledger id
 * (or ids) it restates. Every figure written with digits must sit inside a key.
 * The check derives from the ledger whether the text is right: every restated
 * value matches → true; any differs → false. See `lib/quiz/figures.ts`.
 */
const Restates = z.record(z.string().trim().min(1), z.union([Id, z.array(Id).min(1)]))

/**
 * `judged: true` marks an answer that the ledger cannot decide by its figures
 * (a judgement by the question's author), so a reviewer can list them all
 * with `grep -n "judged: true" quizzes/`. Default: false.
 */
const Judged = z.boolean().optional()

/** Fields shared by every question type. */
const base = {
  /** Stable id, lower-case words joined by hyphens, e.g. `q03-travel-documents`. Unique across the bank; saved progress is keyed by it. */
  id: Id,
  /** The question as the learner reads it. */
  stem: Text,
  /** Ledger ids this question tests, at least one. The UI renders a citation marker for each. */
  facts: z.array(Id).min(1, 'cite at least one ledger fact'),
  /** Shown after checking: why the answer is right, naming the source. */
  explanation: Text,
  /**
   * Asked in class: the lecture deck (`lecture.md`) keeps this question, for
   * its discussion value; the self-study deck keeps every question. Choose
   * one or two per module. Default: `false`.
   */
  class: z.boolean().optional(),
}

/** One choice of a `single` or `multiple` question. */
export const Option = z.object({
  /** What the learner reads. Default: the formatted value of `fact` (then `fact` is required). */
  text: Text.optional(),
  /** Whether choosing this option is right. Default: `false`. */
  correct: z.boolean().default(false),
  /** Optional ledger id this option stands for; must also be listed in the question's `facts`. Default: none. */
  fact: Id.optional(),
  /** Required on every wrong option (checked by the validator): the misconception it targets. Default: none. */
  why: Why.optional(),
  /** The facts its figures restate, when they are not all `fact`'s. Default: `fact`. */
  restates: Restates.optional(),
  /** Its correctness is a judgement the ledger cannot decide. Default: false. */
  judged: Judged,
}).strict().refine(o => o.text !== undefined || o.fact !== undefined, {
  message: 'give `text`, or a `fact` whose value is shown',
  path: ['text'],
})
export type Option = z.infer<typeof Option>

/** Pick exactly one option. */
export const SingleQuestion = z.object({
  type: z.literal('single'),
  ...base,
  /** At least two options, exactly one `correct: true` (checked by the validator). Shown in this order, lettered A, B, C … */
  options: z.array(Option).min(2, 'give at least two options'),
}).strict()
export type SingleQuestion = z.infer<typeof SingleQuestion>

/** Pick every right option; partial credit for partly right picks. */
export const MultipleQuestion = z.object({
  type: z.literal('multiple'),
  ...base,
  /** At least two options, one or more `correct: true` (checked by the validator). Shown in this order, lettered A, B, C … */
  options: z.array(Option).min(2, 'give at least two options'),
}).strict()
export type MultipleQuestion = z.infer<typeof MultipleQuestion>

/** Is the stem true or false? */
export const TrueFalseQuestion = z.object({
  type: z.literal('truefalse'),
  ...base,
  /** Whether the stem is true. Checked against the ledger through `restates`, unless `judged`. */
  answer: z.boolean(),
  /** The misconception behind the wrong answer. Required. */
  why: Why,
  /** The facts the stem's figures restate. With one cited fact, that fact. */
  restates: Restates.optional(),
  /** The answer is a judgement the ledger cannot decide. Default: false. */
  judged: Judged,
}).strict()
export type TrueFalseQuestion = z.infer<typeof TrueFalseQuestion>

/** The true value of a numeric question: a ledger fact, or a number that must equal one of the cited facts. */
export const NumericAnswer = z.union([
  /** A ledger id of kind `number`, `range` or `year`; a range accepts any value between its ends. */
  z.object({ fact: Id }).strict(),
  /** A number equal to a cited fact's value or to an end of a cited range. */
  z.object({ value: z.number() }).strict(),
])
export type NumericAnswer = z.infer<typeof NumericAnswer>

/** A common wrong answer to a numeric question, with feedback. */
export const Distractor = z.object({
  /** The wrong value; the accepted tolerance or range must not admit it. */
  value: z.number(),
  /** Why a learner might give it. Required. */
  why: Why,
}).strict()
export type Distractor = z.infer<typeof Distractor>

/** Type in a number. */
export const NumericQuestion = z.object({
  type: z.literal('numeric'),
  ...base,
  /** `{ fact: id }` or `{ value: n }`. */
  answer: NumericAnswer,
  /** Absolute tolerance either side of the answer, inclusive. Default: `0`. Not together with `range`. */
  tolerance: z.number().min(0).optional(),
  /** Accepted range `[min, max]`, inclusive, instead of a tolerance. Default: none. */
  range: z.tuple([z.number(), z.number()]).optional(),
  /** Unit shown beside the input, e.g. `people`. Required. */
  unit: Text,
  /** Common wrong answers with feedback. Default: `[]`. */
  distractors: z.array(Distractor).default([]),
}).strict().superRefine((q, ctx) => {
  if (q.tolerance !== undefined && q.range !== undefined)
    ctx.addIssue({ code: 'custom', path: ['range'], message: 'give `tolerance` or `range`, not both' })
  if (q.range && q.range[0] > q.range[1])
    ctx.addIssue({ code: 'custom', path: ['range'], message: 'the range minimum is greater than its maximum' })
})
export type NumericQuestion = z.infer<typeof NumericQuestion>

/** One event of an ordering question. */
export const OrderItem = z.object({
  /** The event as the learner reads it. */
  text: Text,
  /** Ledger id of a dated fact (kind `year`, `period` or `date`); its date decides the order. Must be listed in `facts`. */
  fact: Id,
  /** The facts its figures restate, when they are not `fact`. Default: `fact`. */
  restates: Restates.optional(),
}).strict()
export type OrderItem = z.infer<typeof OrderItem>

/** Put events in chronological order. */
export const OrderingQuestion = z.object({
  type: z.literal('ordering'),
  ...base,
  /** At least three events, written in the correct (earliest-first) order. Items with equal ledger dates are ties: either order is accepted. */
  items: z.array(OrderItem).min(3, 'give at least three items'),
}).strict()
export type OrderingQuestion = z.infer<typeof OrderingQuestion>

/** One pair of a matching question. */
export const Pair = z.object({
  /** The actor, body or term, e.g. `Liu Dong`. */
  left: Text,
  /** Its role or definition, e.g. `Director of Fox Hunt`. */
  right: Text,
  /** Optional ledger id supporting the pair; must be listed in `facts`. Default: none. */
  fact: Id.optional(),
  /** Shown when this left is matched wrongly. Required. */
  why: Why,
  /** The facts its figures restate, when they are not `fact`. Default: `fact`. */
  restates: Restates.optional(),
}).strict()
export type Pair = z.infer<typeof Pair>

/** Match each left to its right. */
export const MatchingQuestion = z.object({
  type: z.literal('matching'),
  ...base,
  /** At least three pairs, written matched; the UI shuffles the right-hand side. */
  pairs: z.array(Pair).min(3, 'give at least three pairs'),
}).strict()
export type MatchingQuestion = z.infer<typeof MatchingQuestion>

/**
 * How statements are classified:
 * - `binary`: "fact" (ledger status `documented`, `reported` or `quotation`) vs "interpretation";
 * - `status`: the four ledger statuses.
 */
export const Scheme = z.enum(['binary', 'status'])
export type Scheme = z.infer<typeof Scheme>

/** One statement of a classify question. Its category is derived from the ledger, never written here. */
export const Statement = z.object({
  /** The statement as the learner reads it. */
  text: Text,
  /** Ledger id whose `status` is the answer. Must be listed in `facts`. */
  fact: Id,
  /** Shown when this statement is classified wrongly. Required. */
  why: Why,
  /** The facts its figures restate, when they are not `fact`. Default: `fact`. */
  restates: Restates.optional(),
}).strict()
export type Statement = z.infer<typeof Statement>

/** "Documented fact or interpretation?" */
export const ClassifyQuestion = z.object({
  type: z.literal('classify'),
  ...base,
  /** `binary` or `status`. Default: `binary`. */
  scheme: Scheme.default('binary'),
  /** At least two statements. */
  statements: z.array(Statement).min(2, 'give at least two statements'),
}).strict()
export type ClassifyQuestion = z.infer<typeof ClassifyQuestion>

/** Any question, told apart by `type`. */
export const Question = z.discriminatedUnion('type', [
  SingleQuestion,
  MultipleQuestion,
  TrueFalseQuestion,
  NumericQuestion,
  OrderingQuestion,
  MatchingQuestion,
  ClassifyQuestion,
])
export type Question = z.infer<typeof Question>
export type QuestionType = Question['type']
/** The question of a given type. */
export type QuestionOf<T extends QuestionType> = Extract<Question, { type: T }>

/** A quiz file, `quizzes/NN-name.yaml`. */
export const QuizFile = z.object({
  /** Module number 1–10, or 11 for the final review. Should match the `NN` of the file name. */
  module: z.number().int().min(1).max(11),
  /** Title shown above the quiz. */
  title: Text,
  /** At least one question. */
  questions: z.array(Question).min(1, 'give at least one question'),
}).strict()
export type QuizFile = z.infer<typeof QuizFile>

export { BINARY_CATEGORIES, BINARY_LABEL, categoriesOf } from './categories.ts'
export type { BinaryCategory, Category } from './categories.ts'
