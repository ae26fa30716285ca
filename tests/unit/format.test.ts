import { describe, expect, it } from 'vitest'
import { dateKey, formatFact, formatValue, numbersOf } from '../../lib/format.ts'

describe('formatValue', () => {
  it.each([
    [{ kind: 'number', value: 39000 }, '39,000'],
    [{ kind: 'number', value: 40000, qualifier: 'nearly' }, 'nearly 40,000'],
    [{ kind: 'number', value: 2, qualifier: 'nearly' }, 'nearly two'],
    [{ kind: 'number', value: 1 }, 'one'],
    [{ kind: 'number', value: 10, qualifier: 'over' }, 'over 10'],
    [{ kind: 'range', min: 300, max: 800 }, '300–800'],
    [{ kind: 'year', value: 2015 }, '2015'],
    [{ kind: 'period', from: 2008, to: 2020 }, '2008–2020'],
    [{ kind: 'period', from: 2014, to: 2017, to_part: 'early' }, '2014 to early 2017'],
    [{ kind: 'date', year: 2016, season: 'autumn' }, 'autumn 2016'],
    [{ kind: 'date', year: 2021, season: 'christmas' }, 'Christmas 2021'],
    [{ kind: 'date', year: 2017, part: 'mid' }, 'mid-2017'],
    [{ kind: 'date', year: 2017, part: 'late' }, 'late 2017'],
    [{ kind: 'date', year: 2022, month: 8 }, 'August 2022'],
    [{ kind: 'date', year: 2015, month: 9, day: 11 }, '11 September 2015'],
    [{ kind: 'quotation', text: 'They do not want these people back.', speaker: 'a US official' }, '“They do not want these people back.”'],
  ] as const)('%o → %s', (value, text) => {
    expect(formatValue(value as never)).toBe(text)
  })

  it('adds the unit to numbers and ranges only', () => {
    expect(formatFact({ value: { kind: 'number', value: 332 }, unit: 'people' })).toBe('332 people')
    expect(formatFact({ value: { kind: 'year', value: 2011 }, unit: 'year' })).toBe('2011')
    expect(formatFact({ value: { kind: 'number', value: 332 }, unit: 'people' }, { unit: false })).toBe('332')
  })
})

describe('numbersOf and dateKey', () => {
  it('lists the figures a value stands for', () => {
    expect(numbersOf({ kind: 'range', min: 300, max: 800 })).toEqual([300, 800])
    expect(numbersOf({ kind: 'name', value: 'ICE' })).toEqual([])
  })

  it('orders dates by year, then month or season', () => {
    const mid = dateKey({ kind: 'date', year: 2017, part: 'mid' })!
    const late = dateKey({ kind: 'date', year: 2017, part: 'late' })!
    const autumn16 = dateKey({ kind: 'date', year: 2016, season: 'autumn' })!
    const may22 = dateKey({ kind: 'date', year: 2022, month: 5 })!
    const aug22 = dateKey({ kind: 'date', year: 2022, month: 8 })!
    expect(autumn16).toBeLessThan(mid)
    expect(mid).toBeLessThan(late)
    expect(may22).toBeLessThan(aug22)
    expect(dateKey({ kind: 'name', value: 'x' })).toBeUndefined()
  })
})
