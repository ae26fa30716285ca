import type { ClassifyQuestion, MatchingQuestion, NumericQuestion, OrderingQuestion, Question } from '../../../lib/quiz/schema.ts'
import { describe, expect, it } from 'vitest'
import { loadClassBank } from '../../../lib/class/bank.ts'
import { answerView, binIndex, binStep, matchingDisplay, niceStep, numericBins, orderingDisplay, parseResponse, publicView, responseView, standIn, tally } from '../../../lib/class/per-type.ts'
import { correctResponse, grade, isAnswered } from '../../../lib/quiz/grade.ts'
import { classify, ledger, matching, multiple, numeric, ordering, q, single, truefalse } from '../quiz/fixtures.ts'

const all = [single, multiple, truefalse, numeric, ordering, matching, classify].map(raw => q(raw))
const byType = Object.fromEntries(all.map(x => [x.type, x])) as { [K in Question['type']]: Extract<Question, { type: K }> }

/** Keys a public view must never hold: each can give the answer away. */
const SECRET_KEYS = ['correct', 'why', 'fact', 'facts', 'explanation', 'answer', 'restates', 'judged', 'distractors', 'tolerance', 'range', 'pairs']

function keysDeep(x: unknown, out = new Set<string>()): Set<string> {
  if (Array.isArray(x))
    x.forEach(v => keysDeep(v, out))
  else if (x && typeof x === 'object')
    for (const [k, v] of Object.entries(x)) { out.add(k); keysDeep(v, out) }
  return out
}

describe('public view', () => {
  it('holds no key that could give the answer away, for every type', () => {
    for (const question of all) {
      const keys = keysDeep(publicView(question, ledger))
      expect([...keys].filter(k => SECRET_KEYS.includes(k)), question.type).toEqual([])
    }
  })

  it('lists ordering items in the seeded starting order, which is never the answer', () => {
    const o = byType.ordering as OrderingQuestion
    const view = publicView(o, ledger) as { items: string[] }
    expect(view.items).toEqual(orderingDisplay(o).map(i => o.items[i].text))
    // Sending the items in the order shown is not a right answer.
    const asShown = parseResponse(o, view.items.map((_, i) => i), ledger)
    expect(asShown.ok && grade(o, asShown.response, ledger).correct).toBe(false)
  })

  it('lists matching rights in the order MatchingInput shows, so left i is not right i', () => {
    const m = byType.matching as MatchingQuestion
    const view = publicView(m, ledger) as { lefts: string[], rights: string[] }
    expect(view.lefts).toEqual(m.pairs.map(p => p.left))
    expect(view.rights).toEqual(matchingDisplay(m).map(j => m.pairs[j].right))
    expect(new Set(view.rights)).toEqual(new Set(m.pairs.map(p => p.right)))
  })

  it('shows option texts from the ledger when an option has none', () => {
    const s = q({ ...single, options: [{ fact: 'us-removal-inventory-2021', correct: true }, { text: 'Ten', why: 'no' }] })
    expect((publicView(s, ledger) as { options: string[] }).options).toEqual(['about 39,000 people', 'Ten'])
  })
})

describe('responses', () => {
  it('the answer in view indices, sent back, grades as right, for every type', () => {
    for (const question of all) {
      const a = answerView(question, ledger)
      const sent = question.type === 'numeric' ? (a as [number, number])[0] : a
      const parsed = parseResponse(question, sent, ledger)
      expect(parsed.ok, question.type).toBe(true)
      if (parsed.ok)
        expect(grade(question, parsed.response, ledger).correct, question.type).toBe(true)
    }
  })

  it('maps ordering and matching positions back to file indices, and forth again', () => {
    const o = byType.ordering as OrderingQuestion
    const shown = orderingDisplay(o)
    const parsed = parseResponse(o, [3, 2, 1, 0], ledger)
    expect(parsed).toEqual({ ok: true, response: [shown[3], shown[2], shown[1], shown[0]] })
    if (parsed.ok)
      expect(responseView(o, parsed.response)).toEqual([3, 2, 1, 0])

    const m = byType.matching as MatchingQuestion
    const rights = matchingDisplay(m)
    const pm = parseResponse(m, [0, 0, 1], ledger)
    expect(pm).toEqual({ ok: true, response: [rights[0], rights[0], rights[1]] })
    if (pm.ok)
      expect(responseView(m, pm.response)).toEqual([0, 0, 1])
  })

  it('reads a typed figure as a number, and keeps only the number', () => {
    expect(parseResponse(byType.numeric, 'about 39,000 people', ledger)).toEqual({ ok: true, response: 39000 })
    expect(parseResponse(byType.numeric, 39000, ledger)).toEqual({ ok: true, response: 39000 })
  })

  it('sorts and keeps a multiple answer, refusing repeats', () => {
    expect(parseResponse(byType.multiple, [2, 0], ledger)).toEqual({ ok: true, response: [0, 2] })
    expect(parseResponse(byType.multiple, [1, 1], ledger)).toMatchObject({ ok: false, message: expect.stringMatching(/at most once/) })
  })

  const invalid: [Question['type'], unknown, RegExp][] = [
    ['single', 3, /one option.*0 to 2/],
    ['single', '1', /one option/],
    ['single', 1.5, /one option/],
    ['single', null, /one option/],
    ['multiple', [], /at least one option/],
    ['multiple', [0, 7], /each 0 to 3/],
    ['truefalse', 'true', /true or false/],
    ['truefalse', 0, /true or false/],
    ['numeric', 'lots', /“lots” is not a figure/],
    ['numeric', '', /Type a figure/],
    ['numeric', Number.NaN, /Type a figure/],
    ['numeric', 'x'.repeat(61), /at most 60/],
    ['numeric', [39000], /Type a figure/],
    ['ordering', [0, 1, 2], /4 items.*exactly once/],
    ['ordering', [0, 0, 1, 2], /exactly once/],
    ['ordering', [0, 1, 2, 4], /exactly once/],
    ['matching', [0, 1], /all 3 rows/],
    ['matching', [0, 1, null], /all 3 rows/],
    ['matching', [0, 1, 3], /0 to 2/],
    ['classify', ['fact', 'fact'], /all 3 statements/],
    ['classify', ['fact', 'fact', 'opinion'], /"fact", "interpretation"/],
    ['classify', ['fact', 'fact', 'documented'], /"fact", "interpretation"/],
  ]
  it.each(invalid)('refuses an invalid %s response %j with a message saying why', (type, response, message) => {
    const out = parseResponse(byType[type], response, ledger)
    expect(out.ok).toBe(false)
    if (!out.ok)
      expect(out.message).toMatch(message)
  })

  it('accepts exactly what isAnswered accepts once mapped (random responses)', () => {
    // Random inputs of the right outer shape: parseResponse agrees with the quiz engine on every one.
    let seed = 7
    const rand = (n: number) => (seed = (seed * 1103515245 + 12345) % 2 ** 31) % n
    for (const question of all) {
      for (let i = 0; i < 200; i++) {
        const n = question.type === 'ordering' ? 4 : 3
        const r = question.type === 'truefalse'
          ? [true, false, 'x'][rand(3)]
          : question.type === 'single'
            ? rand(5) - 1
            : question.type === 'numeric'
              ? [rand(50000), 'about 1,200', 'n/a'][rand(3)]
              : question.type === 'classify'
                ? Array.from({ length: 3 }, () => ['fact', 'interpretation', null][rand(3)])
                : Array.from({ length: rand(2) ? n : n - 1 }, () => rand(n + 1) - (question.type === 'matching' ? 0 : 0))
        const out = parseResponse(question, r, ledger)
        if (out.ok)
          expect(isAnswered(question, out.response)).toBe(true)
      }
    }
  })
})

describe('tallies', () => {
  it('single: one count per option, the right one marked', () => {
    const t = tally(byType.single, [1, 1, 0, 2, 1], ledger)
    expect(t).toMatchObject({ kind: 'choices', answered: 5, right: 3 })
    if (t.kind !== 'choices')
      throw new Error('kind')
    expect(t.choices.map(c => [c.key, c.count, c.correct])).toEqual([['A', 1, false], ['B', 3, true], ['C', 1, false]])
  })

  it('multiple: each option counted once per device; right = exactly the right set', () => {
    const t = tally(byType.multiple, [[0, 1], [0], [0, 1, 2], [1]], ledger)
    if (t.kind !== 'choices')
      throw new Error('kind')
    expect(t.choices.map(c => c.count)).toEqual([3, 3, 1, 0])
    expect(t.choices.map(c => c.correct)).toEqual([true, true, false, false])
    expect(t.right).toBe(1)
  })

  it('truefalse: True and False', () => {
    const t = tally(byType.truefalse, [true, false, false], ledger)
    if (t.kind !== 'choices')
      throw new Error('kind')
    expect(t.choices.map(c => [c.label, c.count, c.correct])).toEqual([['True', 1, false], ['False', 2, true]])
    expect(t.right).toBe(2)
  })

  it('classify: statement × category, the ledger status marked', () => {
    const c = byType.classify as ClassifyQuestion
    const t = tally(c, [['interpretation', 'fact', 'fact'], ['fact', 'fact', 'interpretation']], ledger)
    if (t.kind !== 'grid')
      throw new Error('kind')
    expect(t.cols).toEqual(['On the record', 'Interpretation'])
    expect(t.counts).toEqual([[1, 1], [2, 0], [1, 1]])
    expect(t.correct).toEqual([[false, true], [true, false], [true, false]])
    expect(t.right).toBe(1)
  })

  it('matching: left × right (as the phones list them), the right pair marked', () => {
    const m = byType.matching as MatchingQuestion
    const shown = matchingDisplay(m)
    const right = m.pairs.map((_, i) => i)
    const swapped = [1, 0, 2]
    const t = tally(m, [right, right, swapped], ledger)
    if (t.kind !== 'grid')
      throw new Error('kind')
    expect(t.rows).toEqual(m.pairs.map(p => p.left))
    expect(t.cols).toEqual(shown.map(j => m.pairs[j].right))
    const col = (j: number) => shown.indexOf(j)
    expect(t.counts[0][col(0)]).toBe(2)
    expect(t.counts[0][col(1)]).toBe(1)
    expect(t.counts[2][col(2)]).toBe(3)
    expect(t.correct.map(row => row.filter(Boolean).length)).toEqual([1, 1, 1])
    expect(t.correct[1][col(1)]).toBe(true)
    expect(t.right).toBe(2)
  })

  it('ordering: item × position in the correct order; tied items are right in either tied place', () => {
    const o = byType.ordering as OrderingQuestion
    const best = correctResponse(o, ledger) as number[]
    const tiedSwap = [best[0], best[2], best[1], best[3]]
    const wrong = [...best].reverse()
    const t = tally(o, [best, tiedSwap, wrong], ledger)
    if (t.kind !== 'grid')
      throw new Error('kind')
    expect(t.rows).toEqual(best.map(i => o.items[i].text))
    expect(t.cols).toEqual(['1st', '2nd', '3rd', '4th'])
    expect(t.counts[0]).toEqual([2, 0, 0, 1])
    expect(t.counts[1]).toEqual([0, 1, 2, 0])
    // Rows 1 and 2 are the two May 2019 events: each is right in the 2nd or the 3rd place.
    expect(t.correct).toEqual([
      [true, false, false, false],
      [false, true, true, false],
      [false, true, true, false],
      [false, false, false, true],
    ])
    expect(t.right).toBe(2)
  })

  it('numeric: a histogram around the accepted interval, the accepted bin and distractors marked', () => {
    const n = byType.numeric as NumericQuestion // 39,000 ± 500
    const t = tally(n, [39000, 38500, 39500, 40000, 40000, 1857, 120000, 37000], ledger)
    if (t.kind !== 'histogram')
      throw new Error('kind')
    expect(t.interval).toEqual([38500, 39500])
    const acc = t.bins.find(b => b.accepted)!
    expect(acc.label).toBe('38,500–39,500')
    expect(acc.count).toBe(3)
    expect(t.bins.reduce((s, b) => s + b.count, 0)).toBe(8)
    expect(t.bins.at(-1)).toMatchObject({ label: 'over 42,500', count: 1 })
    expect(t.bins.find(b => b.label === '39,501–40,500')?.count).toBe(2)
    expect(t.distractors).toEqual([{ value: 40000, label: '40,000', count: 2 }])
    expect(t.right).toBe(3)
  })

  it('numeric: a year is binned by single years and printed without a thousands comma', () => {
    const y = q<NumericQuestion>({ ...numeric, id: 'q-year', answer: { fact: 'sky-net-launch' }, tolerance: undefined, unit: 'year', distractors: [] })
    const t = tally(y, [2015, 2014, 2016, 2016, 1990], ledger)
    if (t.kind !== 'histogram')
      throw new Error('kind')
    expect(t.bins.map(b => b.label)).toEqual(['under 2012', '2012', '2013', '2014', '2015', '2016', '2017', '2018', 'over 2018'])
    expect(t.bins.map(b => b.count)).toEqual([1, 0, 0, 1, 1, 2, 0, 0, 0])
  })

  it('ignores a stored response that is not a valid answer (it cannot count)', () => {
    const t = tally(byType.single, [1, 9, 'x'], ledger)
    expect(t.answered).toBe(1)
  })
})

describe('numeric bins', () => {
  it('picks a readable step', () => {
    expect([0.5, 1, 3, 8, 14, 33, 90, 185.7, 659.7, 3900].map(niceStep)).toEqual([1, 1, 2, 10, 10, 50, 100, 200, 500, 5000])
    expect(binStep([300, 800], false)).toBe(500)
    expect(binStep([2014, 2014], true)).toBe(1)
    expect(binStep([900, 900], false)).toBe(100)
    expect(binStep([8, 8], false)).toBe(1)
  })

  it('never goes below 0 for a count, and the lowest bin then takes anything below', () => {
    const bins = numericBins([300, 800], 500)
    expect(bins.map(b => b.label)).toEqual(['0–299', '300–800', '801–1,300', '1,301–1,800', '1,801–2,300', 'over 2,300'])
    expect(bins[binIndex(bins, -5)].label).toBe('0–299')
    expect(bins[binIndex(bins, 0)].label).toBe('0–299')
    expect(bins[binIndex(bins, 299)].label).toBe('0–299')
    expect(bins[binIndex(bins, 300)].accepted).toBe(true)
    expect(bins[binIndex(bins, 800)].accepted).toBe(true)
    expect(bins[binIndex(bins, 801)].label).toBe('801–1,300')
    expect(bins[binIndex(bins, 1e9)].label).toBe('over 2,300')
  })

  it('puts every edge in exactly one bin', () => {
    const bins = numericBins([900, 900], 100)
    expect(bins.map(b => b.label)).toEqual(['under 600', '600–699', '700–799', '800–899', '900', '901–1,000', '1,001–1,100', '1,101–1,200', 'over 1,200'])
    const at = (n: number) => bins[binIndex(bins, n)].label
    expect([599, 600, 699, 700, 899, 900, 901, 1000, 1001, 1200, 1201].map(at))
      .toEqual(['under 600', '600–699', '600–699', '700–799', '800–899', '900', '901–1,000', '901–1,000', '1,001–1,100', '1,101–1,200', 'over 1,200'])
  })

  it('labels decimal bins as ranges', () => {
    const bins = numericBins([1.5, 2.5], 1)
    expect(bins.map(b => b.label)).toEqual(['0 to under 0.5', '0.5 to under 1.5', '1.5–2.5', 'over 2.5 to 3.5', 'over 3.5 to 4.5', 'over 4.5 to 5.5', 'over 5.5'])
  })

  it('handles negative answers with open bins on both sides', () => {
    const bins = numericBins([-10, -10], 1)
    expect(bins[0]).toMatchObject({ label: 'under -13', lo: null })
    expect(bins.find(b => b.accepted)?.label).toBe('-10')
  })
})

describe('on the real bank', () => {
  const bank = loadClassBank(process.cwd())
  const questions = [...bank.questions.values()]

  it('every question: no secret in its view, and its answer sent back grades right', () => {
    expect(questions.length).toBeGreaterThan(50)
    for (const question of questions) {
      const keys = keysDeep(publicView(question, bank.ledger))
      expect([...keys].filter(k => SECRET_KEYS.includes(k)), question.id).toEqual([])
      const a = answerView(question, bank.ledger)
      const parsed = parseResponse(question, question.type === 'numeric' ? (a as [number, number])[0] : a, bank.ledger)
      expect(parsed.ok && grade(question, parsed.response, bank.ledger).correct, question.id).toBe(true)
    }
  })

  it('every question: the phone\'s stand-in holds nothing but the view, and its input takes the answer in view indices', () => {
    for (const question of questions) {
      const view = publicView(question, bank.ledger)
      const { question: stand, start } = standIn(view)
      expect(stand.type, question.id).toBe(question.type)
      expect(stand.explanation, question.id).toBe('')
      expect(stand.facts, question.id).toEqual([])
      expect(JSON.stringify(stand), question.id).not.toMatch(/"correct":true|"fact":"[^"]|"why":|"answer":/)
      // The stand-in's own rules accept the right answer as the phone sends it …
      const a = answerView(question, bank.ledger)
      expect(isAnswered(stand, question.type === 'numeric' ? String((a as [number, number])[0]) : a), question.id).toBe(true)
      // … and the start is unanswered, except an ordering, which starts in the order the slide shows.
      expect(isAnswered(stand, start), question.id).toBe(question.type === 'ordering')
      if (question.type === 'ordering')
        expect(start).toEqual(view.type === 'ordering' ? view.items.map((_, i) => i) : null)
    }
  })

  it('every ordering and matching question: answering in the order shown is wrong', () => {
    for (const question of questions) {
      if (question.type !== 'ordering' && question.type !== 'matching')
        continue
      const n = question.type === 'ordering' ? question.items.length : question.pairs.length
      const parsed = parseResponse(question, Array.from({ length: n }, (_, i) => i), bank.ledger)
      expect(parsed.ok && grade(question, parsed.response, bank.ledger).correct, question.id).toBe(false)
    }
  })

  it('every numeric question: the histogram holds the accepted value in the accepted bin, and every distractor outside it', () => {
    for (const question of questions) {
      if (question.type !== 'numeric')
        continue
      const a = answerView(question, bank.ledger) as [number, number]
      const t = tally(question, [a[0], ...question.distractors.map(d => d.value)], bank.ledger)
      if (t.kind !== 'histogram')
        throw new Error('kind')
      expect(t.bins.filter(b => b.accepted).map(b => b.count), question.id).toEqual([1])
      expect(t.bins.reduce((s, b) => s + b.count, 0)).toBe(1 + question.distractors.length)
      expect(t.bins.length, question.id).toBeLessThanOrEqual(9)
    }
  })
})
