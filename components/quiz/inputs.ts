/**
 * One input component per question type. `QuizCard` picks the input from
 * this map; a type missing here is a TypeScript error, so a new type cannot
 * be half-added.
 */
import type { Component } from 'vue'
import type { QuestionType } from '../../lib/quiz/schema.ts'
import ClassifyInput from './ClassifyInput.vue'
import MatchingInput from './MatchingInput.vue'
import MultipleInput from './MultipleInput.vue'
import NumericInput from './NumericInput.vue'
import OrderingInput from './OrderingInput.vue'
import SingleInput from './SingleInput.vue'
import TrueFalseInput from './TrueFalseInput.vue'

export const QUIZ_INPUTS: Record<QuestionType, Component> = {
  single: SingleInput,
  multiple: MultipleInput,
  truefalse: TrueFalseInput,
  numeric: NumericInput,
  ordering: OrderingInput,
  matching: MatchingInput,
  classify: ClassifyInput,
}
