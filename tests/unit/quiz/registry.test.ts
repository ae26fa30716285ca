/**
 * The registry of question types holds every part a tool needs, and the
 * type system refuses a module that lacks one. The `@ts-expect-error` lines
 * are the type-level test: `npm run typecheck` fails if a module with a
 * missing part, or a module filed under another type's key, ever compiles.
 */
import { describe, expect, it } from 'vitest'
import type { QuestionTypeModule } from '../../../lib/quiz/types/define.ts'
import { defineQuestionType } from '../../../lib/quiz/types/define.ts'
import { QUESTION_TYPE_KEYS, QUESTION_TYPES } from '../../../lib/quiz/types/index.ts'
import { single } from '../../../lib/quiz/types/single.ts'
import { truefalse } from '../../../lib/quiz/types/truefalse.ts'

/** Every member `QuestionTypeModule` requires, as the registry's modules must have them. */
const PARTS: (keyof QuestionTypeModule<{ type: string, id: string }, unknown>)[] = [
  'type', 'label', 'minutes', 'input', 'schema', 'blank', 'isAnswered', 'grade', 'correct', 'describe', 'solution', 'rows',
  'cannotCheck', 'citing', 'check', 'judged', 'gift', 'qti', 'kahoot', 'print', 'classroom',
]

describe('the question-type registry', () => {
  it('files each module under its own type, with every part', () => {
    for (const key of QUESTION_TYPE_KEYS) {
      const m = QUESTION_TYPES[key] as unknown as Record<string, unknown>
      expect(m.type, key).toBe(key)
      expect(PARTS.filter(p => m[p] === undefined), key).toEqual([])
      expect(Object.keys(m.classroom as object).sort(), key).toEqual(['answerView', 'fromView', 'standIn', 'tally', 'toView', 'view'])
    }
  })

  it('refuses, at compile time, a module without a part', () => {
    const { kahoot: _dropped, ...incomplete } = single
    // @ts-expect-error: `kahoot` is missing, so this is not a question type
    const m = defineQuestionType(incomplete)
    expect(m).not.toHaveProperty('kahoot')
  })

  it('refuses, at compile time, a registry entry filed under another type', () => {
    type Entry = { [K in 'single']: QuestionTypeModule<{ type: K, id: string }, unknown> }
    // @ts-expect-error: the true/false module cannot stand for `single`
    const wrong: Entry = { single: truefalse }
    expect(wrong.single.type).toBe('truefalse')
  })
})
