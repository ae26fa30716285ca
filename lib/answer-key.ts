/**
 * One question as the answer key gives it: the question, its answer, the
 * explanation and its sources. The answer-key slides (components/AnswerKey.vue)
 * and the printed answer key (lib/pdf/answer-key.ts) both read it from here,
 * so they cannot say different things.
 *
 * Zod-free (the slides import it).
 */
import type { Reference } from './ledger/schema.ts'
import type { Ledger } from './quiz/derive.ts'
import type { Question, QuestionType } from './quiz/schema.ts'
import { questionLabels } from './cite.ts'
import { describeAnswer } from './quiz/grade.ts'
import { QUESTION_TYPE_KEYS, QUESTION_TYPES } from './quiz/types/index.ts'

/** What a question asks the learner to do, in a few words (each type module's `label`). */
export const TYPE_LABEL = Object.fromEntries(QUESTION_TYPE_KEYS.map(t => [t, QUESTION_TYPES[t].label])) as Record<QuestionType, string>

export interface KeyEntry {
  /** Number of the question in its bank, from 1. */
  n: number
  id: string
  type: QuestionType
  stem: string
  /** `describeAnswer`: `B — …`, `True`, `39,000 people (±500)` … */
  answer: string
  explanation: string
  /** Short citation labels: `[7]`, `¶8`. The Sources list gives each reference in full. */
  sources: string[]
  /** Asked in class in the lecture. */
  inClass: boolean
}

export function keyEntry(q: Question, n: number, ledger: Ledger, references: ReadonlyMap<string, Reference>): KeyEntry {
  return {
    n,
    id: q.id,
    type: q.type,
    stem: q.stem,
    answer: describeAnswer(q, ledger),
    explanation: q.explanation,
    sources: questionLabels(q.facts, ledger, references),
    inClass: !!q.class,
  }
}
