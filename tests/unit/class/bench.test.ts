import type { ClassBenchResult, RoundResult } from '../../../scripts/bench/class.ts'
import { describe, expect, it } from 'vitest'
import type { Question } from '../../../lib/quiz/schema.ts'
import { classBank } from '../../../lib/class/bank.ts'
import { benchQuestion, CLASS_END, CLASS_START, classBudgets, classSection, percentile, phoneAddress, replaceClassSection } from '../../../scripts/bench/class.ts'
import { ledger, multiple, q, single, truefalse } from '../quiz/fixtures.ts'

describe('classroom benchmark: pure parts', () => {
  it('takes percentiles by nearest rank', () => {
    const xs = Array.from({ length: 100 }, (_, i) => i + 1)
    expect([50, 95, 99, 100].map(p => percentile(xs, p))).toEqual([50, 95, 99, 100])
    expect(percentile([5, 1, 3], 50)).toBe(3)
    expect(percentile([7], 99)).toBe(7)
    expect(percentile([], 50)).toBeNaN()
  })

  it('gives 300 phones 300 distinct loopback addresses, none ending in .0 or .255', () => {
    const all = Array.from({ length: 300 }, (_, i) => phoneAddress(i))
    expect(new Set(all).size).toBe(300)
    expect(all[0]).toBe('127.0.10.1')
    expect(all[250]).toBe('127.0.11.1')
    expect(all.every(a => /^127\.0\.\d+\.(\d+)$/.test(a) && !/\.(0|255)$/.test(a))).toBe(true)
  })

  it('asks a question the presenter may open: a class question when the bank marks some', () => {
    const s3 = q(single)
    const s2 = q({ ...single, id: 'q-two-options', options: single.options.slice(0, 2) })
    const tf = q(truefalse)
    const mark = (x: Question) => ({ ...x, class: true }) as unknown as Question
    expect(benchQuestion(classBank([s2, s3, tf], ledger))?.id).toBe(s3.id)
    expect(benchQuestion(classBank([s3, mark(s2), tf], ledger))?.id).toBe(s2.id)
    expect(benchQuestion(classBank([s3, mark(tf)], ledger))?.id).toBe(tf.id)
    expect(benchQuestion(classBank([s3, mark(q(multiple))], ledger))).toBeUndefined()
  })

  it('replaces only its own section of the report', () => {
    const doc = `# Benchmarks\n\ntext\n\n<!-- bench:results:start -->\ndeck\n<!-- bench:results:end -->\n`
    const once = replaceClassSection(doc, 'first')
    expect(once).toBe(`${doc.trimEnd()}\n\n${CLASS_START}\nfirst\n${CLASS_END}\n`)
    const twice = replaceClassSection(once, 'second')
    expect(twice).toContain('deck')
    expect(twice).not.toContain('first')
    expect(twice.match(/bench:class:start/g)).toHaveLength(1)
  })

  const round = (over: Partial<RoundResult>): RoundResult => ({
    name: 'r',
    latencies: Array.from({ length: 300 }, () => 10),
    statuses: { 200: 300 },
    errors: [],
    posts: 300,
    answered: 300,
    expected: 300,
    counts: [100, 100, 100],
    expectedCounts: [100, 100, 100],
    notified: [1, 2],
    wallMs: 10_000,
    ...over,
  })
  const result = (rounds: RoundResult[]): ClassBenchResult => ({
    phones: 300,
    windowMs: 10_000,
    question: 'q',
    rounds,
    memory: { before: { rss: 1e8, heapUsed: 2e7, heapTotal: 4e7, streams: { public: 300, presenter: 0 } }, after: { rss: 1.1e8, heapUsed: 2.5e7, heapTotal: 4e7, streams: { public: 300, presenter: 0 } }, peakRssKiB: 120_000 },
    quiet: true,
    loadStart: '0.1',
    loadEnd: '0.2',
    machine: 'm',
    errors: [],
  })

  it('passes when fast, complete and all accepted', () => {
    const b = classBudgets(result([round({}), round({})]))
    expect(b.map(x => x.pass)).toEqual([true, true, true])
    expect(classSection(result([round({}), round({})]), b)).toMatch(/\| r \| 300 \| 10\.0 ms \| 10\.0 ms \| 10\.0 ms \| 10\.0 ms \| 300 \/ 300 \| 200: 300 \|/)
  })

  it('fails on a slow p99, a lost answer, a wrong option count or a refused answer', () => {
    const slow = round({ latencies: [...Array.from({ length: 290 }, () => 10), ...Array.from({ length: 10 }, () => 250)] })
    expect(classBudgets(result([slow, round({})]))[0]).toMatchObject({ pass: false, detail: '250.0 ms' })
    expect(classBudgets(result([round({ answered: 299 }), round({})]))[1].pass).toBe(false)
    expect(classBudgets(result([round({ counts: [101, 99, 100] }), round({})]))[1].pass).toBe(false)
    expect(classBudgets(result([round({}), round({ statuses: { 200: 299, 429: 1 } })]))[2]).toMatchObject({ pass: false, detail: '1 refused or failed' })
  })
})
