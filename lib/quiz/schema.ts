/**
 * Schema of a quiz file, `quizzes/NN-name.yaml`.
 *
 * Each question type's own schema lives in its module,
 * `lib/quiz/types/<type>.ts`; this file puts them together as the schema of
 * a question (told apart by `type`) and of a whole quiz file. Whether the
 * answers agree with the fact ledger is checked by `lib/quiz/validate.ts`,
 * and grading lives in `lib/quiz/grade.ts`. Pure data validation: no Vue,
 * no Slidev, no file system.
 *
 * Answers come from the ledger wherever they can: an ordering question is
 * graded by the ledger dates of its items, a classify question by the ledger
 * status of its statements, a numeric question may name its answer fact.
 */
import type { Question as AnyQuestion } from './types/index.ts'
import type { Option as AnyOption } from './types/shared.ts'
import { z } from 'zod'
import { questionSchema } from './types/index.ts'
import { sharedFields } from './types/shared.ts'

export type { ClassifyQuestion, Scheme, Statement } from './types/classify.ts'
export type { MatchingQuestion, Pair } from './types/matching.ts'
export type { MultipleQuestion } from './types/multiple.ts'
export type { Distractor, NumericAnswer, NumericQuestion } from './types/numeric.ts'
export type { OrderingQuestion, OrderItem } from './types/ordering.ts'
export type { SingleQuestion } from './types/single.ts'
export type { TrueFalseQuestion } from './types/truefalse.ts'
export type { QuestionOf, QuestionType } from './types/index.ts'

const fields = sharedFields(z)

/** One choice of a `single` or `multiple` question. */
export const Option = fields.Option
export type Option = AnyOption

/** Any question, told apart by `type`: the schema of each type's module. */
export const Question = questionSchema(z)
export type Question = AnyQuestion

/** A quiz file, `quizzes/NN-name.yaml`. */
export const QuizFile = z.object({
  /** Module number 1–10, or 11 for the final review. Should match the `NN` of the file name. */
  module: z.number().int().min(1).max(11),
  /** Title shown above the quiz. */
  title: fields.Text,
  /** At least one question. */
  questions: z.array(Question).min(1, 'give at least one question'),
}).strict()
export type QuizFile = z.infer<typeof QuizFile>

export { BINARY_CATEGORIES, BINARY_LABEL, categoriesOf } from './categories.ts'
export type { BinaryCategory, Category } from './categories.ts'
