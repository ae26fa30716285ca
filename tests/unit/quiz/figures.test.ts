import { describe, expect, it } from 'vitest'
import { Fact } from '../../../lib/ledger/schema.ts'
import { restatedTruth } from '../../../lib/quiz/derive.ts'
import { digitFigures, judgeFigure, keyFigures, withoutStructure } from '../../../lib/quiz/figures.ts'

const src = { section: 'united-states', paragraph: 11 } as const
const f = (id: string, value: Record<string, unknown>, extra: Record<string, unknown> = {}) =>
  Fact.parse({ id, claim: `A claim about ${id}.`, value, status: 'documented', source: src, ...extra })

const mou = f('mou', { kind: 'date', year: 2015, part: 'early' })
const launch = f('launch', { kind: 'year', value: 2014 })
const inventory = f('inventory', { kind: 'number', value: 39000 }, { as_of: '2021' })
const reuters = f('reuters', { kind: 'number', value: 39000, qualifier: 'nearly' }, { as_of: '2015 (date of the Reuters article)' })
const perYear = f('per-year', { kind: 'range', min: 300, max: 800 })
const period = f('period', { kind: 'period', from: 2008, to: 2020 })
const garratts = f('garratts', { kind: 'name', value: 'Kevin and Julia Garratt' })
const ledger = new Map([mou, launch, inventory, reuters, perYear, period, garratts].map(x => [x.id, x]))

describe('figures in a text', () => {
  it('reads digits with the date words before them, and leaves structure out', () => {
    expect(digitFigures('signed in early 2014, after 39,000 people')).toEqual([
      { n: 2014, index: 16, length: 4, part: 'early' },
      { n: 39000, index: 28, length: 6 },
    ])
    expect(digitFigures('Involuntary Return type 2 (footnote 7, paragraph 26, [13, 14])')).toEqual([])
    expect(withoutStructure('Module 4, ¶8')).toBe('Module  , ¶ ')
  })

  it('reads number words in a `restates` key', () => {
    expect(keyFigures('eight areas').map(x => x.n)).toEqual([8])
    expect(keyFigures('one trip in 5 years').map(x => x.n)).toEqual([1, 5])
  })
})

describe('judging one figure against one fact', () => {
  const fig = (text: string) => digitFigures(text)[0]
  it('matches a value, an end of a range or period, or an as_of year', () => {
    expect(judgeFigure(fig('39,000'), inventory).kind).toBe('match')
    expect(judgeFigure(fig('in 2021'), inventory).kind).toBe('match')
    expect(judgeFigure(fig('800 a year'), perYear).kind).toBe('match')
    expect(judgeFigure(fig('2008'), period).kind).toBe('match')
  })

  it('finds a different value, year or part of the year', () => {
    expect(judgeFigure(fig('41,000'), inventory)).toEqual({ kind: 'differs', why: '`inventory`, which holds 39,000, as of 2021' })
    expect(judgeFigure(fig('early 2014'), mou)).toEqual({ kind: 'differs', why: '`mou`, which holds early 2015' })
    expect(judgeFigure(fig('late 2015'), mou).kind).toBe('differs')
    expect(judgeFigure(fig('500'), perYear).kind).toBe('differs')
  })

  it('accepts a less precise date, and cannot decide a more precise one', () => {
    expect(judgeFigure(fig('in 2015'), mou).kind).toBe('match')
    expect(judgeFigure(fig('March 2014'), launch)).toEqual({ kind: 'undecided', why: '`launch`, which holds 2014, with no month, season or part of the year' })
  })

  it('never matches a figure against a name', () => {
    expect(judgeFigure(fig('2014'), garratts).kind).toBe('differs')
  })
})

describe('what the ledger implies about a whole text', () => {
  it('is false when any restated figure differs (the memorandum case)', () => {
    const r = restatedTruth('The memorandum was signed in early 2014, the year Fox Hunt was launched.', { 'early 2014': 'mou' }, [], ledger)
    expect(r.truth).toEqual({ kind: 'false', why: '“early 2014” restates `mou`, which holds early 2015' })
    expect(r.unrestated).toEqual([])
  })

  it('is true when every restated figure matches, a list of ids included', () => {
    expect(restatedTruth('In 2021 the inventory held 39,000 people.', undefined, ['inventory'], ledger).truth).toEqual({ kind: 'true' })
    expect(restatedTruth('Both in 2015.', { 2015: ['mou', 'launch'] }, [], ledger).truth.kind).toBe('false')
  })

  it('names the figures that restate nothing, and keys that are not in the text', () => {
    const r = restatedTruth('U.S. 39,000; Canada 1,857', { 'U.S. 39,000': 'inventory', 'Mexico 12': 'inventory' }, [], ledger)
    expect(r.unrestated).toEqual(['1,857'])
    expect(r.badKeys).toEqual([{ key: 'Mexico 12', why: 'does not occur in the text' }])
  })

  it('does not fall back to a fact that holds no figure', () => {
    expect(restatedTruth('Detained in 2014.', undefined, ['garratts'], ledger).unrestated).toEqual(['2014'])
  })

  it('is undecided with no figure at all', () => {
    expect(restatedTruth('China issues the papers.', undefined, ['mou'], ledger).truth).toEqual({ kind: 'undecided', why: 'it restates no figure of the ledger' })
  })
})
