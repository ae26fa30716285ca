import { describe, expect, it } from 'vitest'
import { missingInputs, QUIZ_INPUTS } from '../../../components/quiz/inputs.ts'
import { QUESTION_TYPE_KEYS } from '../../../lib/quiz/types/index.ts'

describe('the input of each question type', () => {
  it('exists for every type in the registry, as components/quiz/<input>.vue', () => {
    expect(missingInputs()).toEqual([])
    for (const t of QUESTION_TYPE_KEYS)
      expect(QUIZ_INPUTS[t], t).toBeTruthy()
  })
})
