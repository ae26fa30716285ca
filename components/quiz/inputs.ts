/**
 * The input component of each question type: `components/quiz/<Input>.vue`,
 * named by the type module's `input` (see lib/quiz/types/). Found by file
 * name, so adding a type adds no line here; `tests/unit/components/inputs.test.ts`
 * fails when a registered type has no input.
 */
import type { Component } from 'vue'
import type { QuestionType } from '../../lib/quiz/types/index.ts'
import { QUESTION_TYPE_KEYS, QUESTION_TYPES } from '../../lib/quiz/types/index.ts'

const files = import.meta.glob<Component>('./*Input.vue', { eager: true, import: 'default' })

/** The input component of each question type. */
export const QUIZ_INPUTS = Object.fromEntries(QUESTION_TYPE_KEYS.map(t => [t, files[`./${QUESTION_TYPES[t].input}.vue`]])) as Record<QuestionType, Component>

/** Types whose input component is missing (should be none). */
export function missingInputs(): string[] {
  return QUESTION_TYPE_KEYS.filter(t => !QUIZ_INPUTS[t]).map(t => `${t}: components/quiz/${QUESTION_TYPES[t].input}.vue`)
}
