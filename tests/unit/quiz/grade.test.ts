import { describe, expect, it } from 'vitest'
import { correctResponse, describeAnswer, grade, isAnswered, parseNumberInput } from '../../../lib/quiz/grade.ts'
import type { ClassifyQuestion, MatchingQuestion, MultipleQuestion, NumericQuestion, OrderingQuestion, SingleQuestion, TrueFalseQuestion } from '../../../lib/quiz/schema.ts'
import { classify, ledger, matching, multiple, numeric, ordering, q, single, truefalse, variant } from './fixtures.ts'

describe('single', () => {
  const question = q<SingleQuestion>(single)

  it('is right for the correct option', () => {
    expect(grade(question, 1, ledger)).toEqual({ correct: true, score: 1, feedback: [] })
  })

  it('returns the why of the chosen wrong option', () => {
    const r = grade(question, 0, ledger)
    expect(r.correct).toBe(false)
    expect(r.score).toBe(0)
    expect(r.feedback).toEqual(['Confuses the embassy, which only verifies identity, with the issuing body.'])
  })

  it('treats an out-of-range or non-integer index as unanswered', () => {
    for (const r of [3, -1, 1.5, '1', null, undefined]) {
      expect(isAnswered(question, r)).toBe(false)
      expect(grade(question, r, ledger)).toEqual({ correct: false, score: 0, feedback: [] })
    }
  })

  it('describes the answer with its letter', () => {
    expect(describeAnswer(question, ledger)).toBe('B — The Exit and Entry Administration of the MPS')
    expect(correctResponse(question, ledger)).toBe(1)
  })

  it('shows the ledger value of an option that omits its text', () => {
    const noText = q<SingleQuestion>(variant(single, (c) => { delete (c.options[1] as { text?: string }).text }))
    expect(describeAnswer(noText, ledger)).toBe('B — The Exit and Entry Administration of the MPS')
  })
})

describe('multiple', () => {
  const question = q<MultipleQuestion>(multiple) // options 0 and 1 are correct

  it('is right only for exactly the correct set, in any order', () => {
    const r = grade(question, [1, 0], ledger)
    expect(r).toEqual({ correct: true, score: 1, parts: [true, true, true, true], feedback: [] })
  })

  it('gives half credit for one of two right picks', () => {
    const r = grade(question, [0], ledger)
    expect(r.correct).toBe(false)
    expect(r.score).toBe(0.5)
    expect(r.parts).toEqual([true, false, true, true])
  })

  it('subtracts wrong picks and reports their why', () => {
    const r = grade(question, [0, 1, 2], ledger)
    expect(r.correct).toBe(false)
    expect(r.score).toBe(0.5)
    expect(r.feedback).toEqual(['No such trend is given.'])
  })

  it('never goes below zero', () => {
    const r = grade(question, [0, 2, 3], ledger)
    expect(r.score).toBe(0)
    expect(r.feedback).toHaveLength(2)
  })

  it('does not count a repeated pick twice', () => {
    expect(grade(question, [0, 0], ledger).score).toBe(0.5)
  })

  it('treats an empty selection as unanswered', () => {
    expect(isAnswered(question, [])).toBe(false)
    expect(isAnswered(question, [0, 9])).toBe(false)
  })

  it('describes every correct option', () => {
    expect(describeAnswer(question, ledger)).toBe('A, B — About 39,000 people had final removal orders in 2021; Sky Net began in 2015')
    expect(correctResponse(question, ledger)).toEqual([0, 1])
  })
})

describe('truefalse', () => {
  const question = q<TrueFalseQuestion>(truefalse)

  it('grades and explains the wrong answer', () => {
    expect(grade(question, false, ledger).correct).toBe(true)
    expect(grade(question, true, ledger)).toEqual({ correct: false, score: 0, feedback: ['The embassy only verifies identity.'] })
  })

  it('accepts only booleans', () => {
    expect(isAnswered(question, 'false')).toBe(false)
    expect(describeAnswer(question, ledger)).toBe('False')
  })
})

describe('parseNumberInput', () => {
  it.each([
    ['39000', 39000],
    ['39,000', 39000],
    ['39 000', 39000],
    ['39\u202f000', 39000],
    ['about 39,000', 39000],
    ['About 39000', 39000],
    ['  1,234,567 ', 1234567],
    ['2.5', 2.5],
    [39000, 39000],
  ])('reads %j as %d', (input, n) => {
    expect(parseNumberInput(input)).toBe(n)
  })

  it.each(['', 'lots', '39,00', '3,9000', '39k', 'about', '12 apples', '1e5', Number.NaN, null, {}])('rejects %j', (input) => {
    expect(parseNumberInput(input)).toBeUndefined()
  })

  it('strips a trailing unit when given', () => {
    expect(parseNumberInput('39,000 people', 'people')).toBe(39000)
    expect(parseNumberInput('39,000 people')).toBeUndefined()
  })
})

describe('numeric', () => {
  const question = q<NumericQuestion>(numeric) // 39,000 ± 500, distractor 40,000

  it('accepts the exact value and typed text', () => {
    expect(grade(question, 39000, ledger).correct).toBe(true)
    expect(grade(question, '39,000', ledger).correct).toBe(true)
    expect(grade(question, 'about 39,000', ledger).correct).toBe(true)
  })

  it('writes a year as a year in the answer, not as a grouped figure with a unit', () => {
    const year = q<NumericQuestion>({ ...numeric, id: 'q03-launch', facts: ['sky-net-launch'], answer: { fact: 'sky-net-launch' }, unit: 'year', tolerance: undefined, distractors: [] })
    expect(describeAnswer(year, ledger)).toBe('2015')
    expect(describeAnswer(question, ledger)).toMatch(/^39,000 /)
  })

  it('accepts values exactly at the tolerance edges', () => {
    expect(grade(question, 38500, ledger).correct).toBe(true)
    expect(grade(question, '39,500', ledger).correct).toBe(true)
  })

  it('rejects values just outside the tolerance', () => {
    expect(grade(question, 38499, ledger).correct).toBe(false)
    expect(grade(question, 39500.01, ledger).correct).toBe(false)
    expect(grade(question, 39501, ledger)).toEqual({ correct: false, score: 0, feedback: [] })
  })

  it('gives the distractor feedback for a common wrong answer', () => {
    expect(grade(question, '40,000', ledger).feedback).toEqual(['Rounded up too far: the article says about 39,000.'])
  })

  it('treats garbage as unanswered', () => {
    expect(isAnswered(question, 'thirty nine thousand')).toBe(false)
    expect(grade(question, 'thirty nine thousand', ledger).score).toBe(0)
  })

  it('uses an explicit range, inclusive', () => {
    const ranged = q<NumericQuestion>(variant(numeric, (c) => {
      delete (c as { tolerance?: number }).tolerance
      Object.assign(c, { range: [38000, 39900] })
    }))
    expect(grade(ranged, 38000, ledger).correct).toBe(true)
    expect(grade(ranged, 39900, ledger).correct).toBe(true)
    expect(grade(ranged, 37999, ledger).correct).toBe(false)
    expect(grade(ranged, 39901, ledger).correct).toBe(false)
    expect(describeAnswer(ranged, ledger)).toBe('39,000 people (accepted 38,000–39,900)')
  })

  it('defaults to zero tolerance', () => {
    const exact = q<NumericQuestion>(variant(numeric, (c) => { delete (c as { tolerance?: number }).tolerance }))
    expect(grade(exact, 39000, ledger).correct).toBe(true)
    expect(grade(exact, 39001, ledger).correct).toBe(false)
    expect(describeAnswer(exact, ledger)).toBe('39,000 people')
  })

  it('accepts anything within a range fact', () => {
    const perYear = q<NumericQuestion>({ ...numeric, facts: ['us-removals-per-year'], answer: { fact: 'us-removals-per-year' }, tolerance: undefined, unit: 'people a year', distractors: [] })
    expect(grade(perYear, 300, ledger).correct).toBe(true)
    expect(grade(perYear, 800, ledger).correct).toBe(true)
    expect(grade(perYear, 801, ledger).correct).toBe(false)
    expect(describeAnswer(perYear, ledger)).toBe('300–800 people a year')
  })

  it('describes the answer with unit and tolerance', () => {
    expect(describeAnswer(question, ledger)).toBe('39,000 people (±500)')
    expect(correctResponse(question, ledger)).toBe(39000)
  })
})

describe('ordering', () => {
  // Items are written in ledger order; items 1 and 2 share the date May 2019.
  const question = q<OrderingQuestion>(ordering)

  it('accepts the written order', () => {
    expect(grade(question, [0, 1, 2, 3], ledger)).toEqual({ correct: true, score: 1, parts: [true, true, true], feedback: [] })
  })

  it('accepts tied items in either order', () => {
    expect(grade(question, [0, 2, 1, 3], ledger).correct).toBe(true)
  })

  it('scores the share of adjacent pairs in order and explains the slips', () => {
    const r = grade(question, [1, 0, 2, 3], ledger)
    expect(r.correct).toBe(false)
    expect(r.parts).toEqual([false, true, true])
    expect(r.score).toBeCloseTo(2 / 3)
    expect(r.feedback).toEqual(['“Readmission talks start” (autumn 2016) came before “A draft deal circulates” (May 2019).'])
  })

  it('counts only the adjacent pairs that are out of order', () => {
    const r = grade(question, [3, 2, 1, 0], ledger)
    // 2019-05 and 2019-05 tie, so the middle pair is still "in order".
    expect(r.parts).toEqual([false, true, false])
    expect(r.correct).toBe(false)
  })

  it('needs a permutation of every item', () => {
    expect(isAnswered(question, [0, 1, 2])).toBe(false)
    expect(isAnswered(question, [0, 1, 1, 3])).toBe(false)
    expect(isAnswered(question, [0, 1, 2, 4])).toBe(false)
  })

  it('describes the order with dates and marks ties', () => {
    expect(describeAnswer(question, ledger)).toBe(
      'Readmission talks start (autumn 2016) → A draft deal circulates (May 2019) = A delegation visits Ottawa (May 2019) → China suspends cooperation (August 2022)',
    )
  })

  it('derives the correct response from the ledger dates, not the written order', () => {
    const shuffled = q<OrderingQuestion>(variant(ordering, c => c.items.reverse()))
    expect(correctResponse(shuffled, ledger)).toEqual([3, 1, 2, 0])
  })
})

describe('matching', () => {
  const question = q<MatchingQuestion>(matching)

  it('is right when every left gets its own right', () => {
    expect(grade(question, [0, 1, 2], ledger)).toEqual({ correct: true, score: 1, parts: [true, true, true], feedback: [] })
  })

  it('scores the fraction matched and explains each wrong left', () => {
    const r = grade(question, [0, 2, 1], ledger)
    expect(r.correct).toBe(false)
    expect(r.score).toBeCloseTo(1 / 3)
    expect(r.parts).toEqual([true, false, false])
    expect(r.feedback).toEqual(['The administration, not the embassy, issues them.', 'The embassy only verifies identity.'])
  })

  it('needs every left matched', () => {
    expect(isAnswered(question, [0, null, 2])).toBe(false)
    expect(isAnswered(question, [0, 1])).toBe(false)
  })

  it('describes the pairs', () => {
    expect(describeAnswer(question, ledger)).toBe('Liu Dong → Director of Fox Hunt; Exit and Entry Administration → Issues travel documents; Chinese embassy → Verifies identity')
    expect(correctResponse(question, ledger)).toEqual([0, 1, 2])
  })
})

describe('classify', () => {
  const question = q<ClassifyQuestion>(classify) // interpretation, reported, quotation

  it('defaults to the binary scheme and grades from the ledger status', () => {
    expect(question.scheme).toBe('binary')
    expect(correctResponse(question, ledger)).toEqual(['interpretation', 'fact', 'fact'])
    expect(grade(question, ['interpretation', 'fact', 'fact'], ledger).correct).toBe(true)
  })

  it('scores the fraction right and explains the wrong statements', () => {
    const r = grade(question, ['fact', 'fact', 'interpretation'], ledger)
    expect(r.score).toBeCloseTo(1 / 3)
    expect(r.parts).toEqual([false, true, false])
    expect(r.feedback).toEqual(['This is the author’s reading, not a record.', 'An attributed quotation is a fact about what was said.'])
  })

  it('uses the four statuses under scheme: status', () => {
    const four = q<ClassifyQuestion>({ ...classify, scheme: 'status' })
    expect(grade(four, ['interpretation', 'reported', 'quotation'], ledger).correct).toBe(true)
    expect(grade(four, ['interpretation', 'documented', 'quotation'], ledger).score).toBeCloseTo(2 / 3)
    expect(isAnswered(four, ['interpretation', 'fact', 'quotation'])).toBe(false)
    expect(describeAnswer(four, ledger)).toContain('“Liu Dong directed Fox Hunt.”: Reported by a named outlet')
  })

  it('follows the ledger when a status changes', () => {
    const changed = new Map(ledger)
    changed.set('liu-dong', { ...ledger.get('liu-dong')!, status: 'interpretation' })
    expect(grade(question, ['interpretation', 'fact', 'fact'], changed).correct).toBe(false)
  })

  it('rejects unknown category keys', () => {
    expect(isAnswered(question, ['interpretation', 'documented', 'fact'])).toBe(false)
  })
})
