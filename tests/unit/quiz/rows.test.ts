import type { ClassifyQuestion, MatchingQuestion, MultipleQuestion, NumericQuestion, OrderingQuestion, SingleQuestion, TrueFalseQuestion } from '../../../lib/quiz/schema.ts'
import { describe, expect, it } from 'vitest'
import { blankResponse } from '../../../lib/quiz/blank.ts'
import { isAnswered } from '../../../lib/quiz/grade.ts'
import { cannotCheck } from '../../../lib/quiz/messages.ts'
import { quizKeepsKey } from '../../../lib/quiz/keys.ts'
import { rowVerdicts } from '../../../lib/quiz/rows.ts'
import { classify, ledger, matching, multiple, numeric, ordering, q, single, truefalse } from './fixtures.ts'

describe('rowVerdicts', () => {
  it('marks only the chosen option of a single-choice question', () => {
    const s = q<SingleQuestion>(single)
    expect(rowVerdicts(s, 0, ledger)).toEqual([false, undefined, undefined])
    expect(rowVerdicts(s, 1, ledger)).toEqual([undefined, true, undefined])
  })

  it('marks only chosen options of a multiple-select question, never the ones missed', () => {
    const m = q<MultipleQuestion>(multiple)
    const rows = rowVerdicts(m, [0, 2], ledger)
    expect(rows[0]).toBe(true)
    expect(rows[1]).toBeUndefined()
    expect(rows[2]).toBe(m.options[2].correct)
  })

  it('marks the chosen row of a true/false question', () => {
    const t = q<TrueFalseQuestion>(truefalse)
    expect(rowVerdicts(t, t.answer, ledger)).toEqual(t.answer ? [true, undefined] : [undefined, true])
    expect(rowVerdicts(t, !t.answer, ledger)).toEqual(t.answer ? [undefined, false] : [false, undefined])
  })

  it('marks each ordered item by whether its date belongs at its position, ties sharing places', () => {
    const o = q<OrderingQuestion>(ordering)
    // 2016, May 2019, May 2019 (a tie), 2022.
    expect(rowVerdicts(o, [0, 1, 2, 3], ledger)).toEqual([true, true, true, true])
    expect(rowVerdicts(o, [0, 2, 1, 3], ledger)).toEqual([true, true, true, true])
    expect(rowVerdicts(o, [3, 1, 2, 0], ledger)).toEqual([false, true, true, false])
  })

  it('marks each pair of a matching question and each statement of a classify question', () => {
    expect(rowVerdicts(q<MatchingQuestion>(matching), [0, 2, 1], ledger)).toEqual([true, false, false])
    expect(rowVerdicts(q<ClassifyQuestion>(classify), ['interpretation', 'interpretation', 'fact'], ledger)).toEqual([true, false, true])
  })

  it('has nothing to say about an unanswered question or a numeric one', () => {
    expect(rowVerdicts(q<SingleQuestion>(single), null, ledger)).toEqual([])
    expect(rowVerdicts(q<NumericQuestion>(numeric), '39,000', ledger)).toEqual([])
  })
})

describe('blankResponse and cannotCheck', () => {
  const all = [single, multiple, truefalse, numeric, ordering, matching, classify].map(x => q(x))

  it('starts every type unanswered, except ordering, which starts in a shuffled full order', () => {
    for (const question of all) {
      const blank = blankResponse(question)
      expect(isAnswered(question, blank), question.type).toBe(question.type === 'ordering')
    }
  })

  it('says why each blank cannot be checked, in words that name what to do', () => {
    const said = Object.fromEntries(all.map(question => [question.type, cannotCheck(question, blankResponse(question))]))
    expect(said).toEqual({
      single: 'Choose an answer before pressing Check.',
      multiple: 'Choose at least one answer before pressing Check.',
      truefalse: 'Choose an answer before pressing Check.',
      numeric: 'Type a figure before pressing Check.',
      ordering: undefined,
      matching: 'Choose a match for every row before pressing Check.',
      classify: 'Mark every statement before pressing Check.',
    })
  })

  it('tells a learner who typed words for a figure to type digits', () => {
    expect(cannotCheck(q(numeric), 'eight')).toBe('“eight” is not a figure. Type digits, for example 1,200 or 1200.')
    expect(cannotCheck(q(numeric), '39,000')).toBeUndefined()
  })
})

describe('quizKeepsKey', () => {
  it('keeps the keys a control uses natively', () => {
    expect(quizKeepsKey('INPUT', 'radio', 'ArrowRight')).toBe(true)
    expect(quizKeepsKey('INPUT', 'checkbox', ' ')).toBe(true)
    expect(quizKeepsKey('INPUT', 'text', 'ArrowLeft')).toBe(true)
    expect(quizKeepsKey('INPUT', 'text', 'Enter')).toBe(true)
    expect(quizKeepsKey('SELECT', undefined, 'ArrowDown')).toBe(true)
    expect(quizKeepsKey('BUTTON', 'submit', 'Enter')).toBe(true)
  })
  it('lets → and ← through from the feedback or a button, so one press moves on after Check', () => {
    expect(quizKeepsKey('DIV', undefined, 'ArrowRight')).toBe(false)
    expect(quizKeepsKey('DIV', undefined, 'ArrowLeft')).toBe(false)
    expect(quizKeepsKey('BUTTON', 'button', 'ArrowRight')).toBe(false)
    expect(quizKeepsKey('INPUT', 'radio', 'Enter')).toBe(false)
  })
  it('keeps the keys that scroll the feedback', () => {
    expect(quizKeepsKey('DIV', undefined, 'ArrowDown')).toBe(true)
    expect(quizKeepsKey('DIV', undefined, ' ')).toBe(true)
  })
})
