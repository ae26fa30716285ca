import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import type { Fact } from '../../lib/ledger/schema.ts'
import { spellings, verifyAgainstArticle } from '../../lib/verify.ts'

const fact = (id: string, value: Fact['value'], extra: Partial<Fact> = {}): Fact => ({
  id, claim: `A claim about ${id}.`, value, status: 'documented', source: { section: 'canada', paragraph: 18, footnotes: [] }, ...extra,
})
const article = 'By 2014 some 2,143 were listed; between 300 and 800 a year; only one trip in five years. He said: “We will chase them.”'

describe('verifyAgainstArticle', () => {
  it('finds numbers with or without grouping, and as words', () => {
    expect(spellings(2143)).toEqual(['2143', '2,143'])
    expect(verifyAgainstArticle([
      fact('a', { kind: 'number', value: 2143 }),
      fact('b', { kind: 'range', min: 300, max: 800 }),
      fact('c', { kind: 'number', value: 1 }),
      fact('d', { kind: 'number', value: 5 }),
      fact('e', { kind: 'year', value: 2014 }),
      fact('f', { kind: 'quotation', text: 'We will chase them.', speaker: 'x' }),
    ], article)).toEqual([])
  })

  it('lists what it cannot find', () => {
    const out = verifyAgainstArticle([
      fact('wrong-figure', { kind: 'number', value: 2134 }),
      fact('wrong-year', { kind: 'date', year: 2015, season: 'autumn' }),
      fact('misquoted', { kind: 'quotation', text: 'We shall chase them.', speaker: 'x' }),
      fact('part-of-a-number', { kind: 'number', value: 143 }),
    ], article)
    expect(out.map(u => u.id)).toEqual(['wrong-figure', 'wrong-year', 'misquoted', 'part-of-a-number'])
  })

  it('checks names, hedge words and speakers too', () => {
    const text = 'Kevin- and Julia Garratt were held. Royal Canadian Mountain Police Commissioner Brenda Lucki said: “It is a growing problem.” By 2014, some 2,143 were listed; it took almost two years.'
    expect(verifyAgainstArticle([
      fact('couple', { kind: 'name', value: 'Kevin and Julia Garratt' }),
      fact('hedged', { kind: 'number', value: 2143, qualifier: 'some' }),
      fact('almost', { kind: 'number', value: 2, qualifier: 'nearly' }),
      fact('quote', { kind: 'quotation', text: 'It is a growing problem.', speaker: 'Brenda Lucki' }, { status: 'quotation' }),
      fact('outside', { kind: 'name', value: 'Royal Canadian Mounted Police (RCMP)' }, { context: ['ctx-rcmp'] }),
    ], text)).toEqual([])
    expect(verifyAgainstArticle([
      fact('misnamed', { kind: 'name', value: 'Royal Canadian Mounted Police (RCMP)' }),
      fact('wrong-hedge', { kind: 'number', value: 2143, qualifier: 'over' }),
      fact('unknown-speaker', { kind: 'quotation', text: 'It is a growing problem.', speaker: 'Michael Smith' }, { status: 'quotation' }),
    ], text).map(u => u.what)).toEqual([
      'name "Royal Canadian Mounted Police (RCMP)" (cite a `context` reference if it comes from outside the article)',
      '"over" before 2143 (the article\'s hedge word)',
      'speaker "Michael Smith"',
    ])
  })

  it('matches the shared copy of the article when it is present', () => {
    let text: string
    try {
      text = readFileSync('../shared/source/article.txt', 'utf8')
    }
    catch {
      return expect(true).toBe(true) // covered by `npm run verify-source` in CI
    }
    expect(verifyAgainstArticle([fact('x', { kind: 'number', value: 39000 })], text)).toEqual([])
  })
})
