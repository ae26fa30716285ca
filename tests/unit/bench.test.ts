import type { Fact, GlossaryEntry, Reference } from '../../lib/ledger/schema.ts'
import type { QuizFile } from '../../lib/quiz/schema.ts'
import type { PlainData } from '../../scripts/bench/plain.ts'
import type { Row } from '../../scripts/bench/report.ts'
import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { loadQuizzes, loadSources } from '../../lib/content.ts'
import { formatPlan, unitPlan } from '../../lib/plan.ts'
import { componentText, mermaidBlocks, parseAttrs, plainDeck, plainHeadmatter, plainSlide, quizText } from '../../scripts/bench/plain.ts'
import { readDeck } from '../e2e/deck.ts'
import { classifyChunk, evaluateBudgets, formatBytes, formatMs, markdownTable, median, parseTimes, ratio, replaceResults, RESULTS_END, RESULTS_START, resultsTable, summarise } from '../../scripts/bench/report.ts'

// ── Fixture data: a tiny ledger, references, glossary and question bank ─────
const src = (paragraph: number, footnotes: number[] = []) => ({ section: 'united-states', paragraph, footnotes }) as unknown as Fact['source']
const facts: Fact[] = [
  { id: 'removals', claim: 'People awaiting removal.', status: 'documented', value: { kind: 'number', value: 39000 }, unit: 'people', source: src(8) },
  { id: 'reuters-figure', claim: 'Reuters figure.', status: 'reported', outlet: 'Reuters', value: { kind: 'number', value: 900 }, unit: 'people', source: src(9, [7]) },
  { id: 'official-quote', claim: 'An unnamed official said so.', status: 'interpretation', value: { kind: 'quotation', text: 'They do not want these people back.', speaker: 'a US official' }, source: src(10, [7]) },
  { id: 'thesis', claim: 'The author argues it.', status: 'interpretation', value: { kind: 'text', value: 'leverage' }, source: src(11) },
] as unknown as Fact[]
const references: Reference[] = [
  { id: 'article', title: 'The article', publisher: 'Safeguard Defenders', date: '2022-08', url: 'https://example.org/a', availability: 'public' },
  { id: 'fn7', footnote: 7, title: 'Take back your immigrants', publisher: 'Reuters', date: '2015-09-11', url: 'https://example.org/r', availability: 'public' },
] as Reference[]
const glossary: GlossaryEntry[] = [
  { term: 'MPS', expansion: 'Ministry of Public Security', definition: 'China’s police ministry.', facts: [] },
  { term: 'ICE', expansion: 'Immigration and Customs Enforcement', definition: 'The US agency that removes people.', facts: [] },
]
const bank: QuizFile = {
  module: 4,
  title: 'The United States',
  questions: [
    { type: 'single', id: 'q-one', stem: 'How many?', facts: ['removals'], explanation: 'Paragraph 8.', options: [{ text: 'Ten', correct: false, why: 'no' }, { fact: 'removals', correct: true }] },
    { type: 'truefalse', id: 'q-two', stem: 'True?', facts: ['removals'], explanation: 'Yes.', answer: true, why: 'no' },
    { type: 'numeric', id: 'q-three', stem: 'Give the figure.', facts: ['removals'], explanation: 'Paragraph 8.', answer: { fact: 'removals' }, unit: 'people', distractors: [] },
  ],
} as unknown as QuizFile
const data: PlainData = { facts: new Map(facts.map(f => [f.id, f])), references, glossary, quizzes: { '04-united-states': bank } }

describe('median and ratio', () => {
  it('takes the middle value, or the mean of the two middle ones', () => {
    expect(median([3, 1, 2])).toBe(2)
    expect(median([4, 1, 3, 2])).toBe(2.5)
    expect(median([5])).toBe(5)
    expect(median([])).toBeNaN()
    expect(median([Number.NaN, 7])).toBe(7)
  })
  it('reads the children\'s CPU time from bash `times`', () => {
    expect(parseTimes('built\n0m0.001s 0m0.002s\n1m2.500s 0m0.500s\n')).toBeCloseTo(63_000)
    expect(parseTimes('no times here')).toBeNaN()
  })
  it('divides kit by plain and refuses a zero or missing plain figure', () => {
    expect(ratio(13, 10)).toBeCloseTo(1.3)
    expect(ratio(1, 0)).toBeNaN()
    expect(ratio(Number.NaN, 1)).toBeNaN()
  })
})

describe('budgets', () => {
  const rows = (r: Partial<Record<Row['metric'], [number, number]>>): Row[] => summarise(
    Object.fromEntries(Object.entries(r).map(([k, [kit]]) => [k, [kit]])),
    Object.fromEntries(Object.entries(r).map(([k, [, plain]]) => [k, [plain]])),
  )
  const all = rows({ build: [13, 10], bytes: [110, 100], paint: [12, 10], step: [13, 10], export: [13, 10] })
  const okChunks = [{ file: 'index-abc.js', gzip: 1, reasons: [] }]

  it('passes ratios exactly at the limit and a fast Check', () => {
    const b = evaluateBudgets({ rows: all, check: [10, 20, 30], chunks: okChunks, quick: false })
    expect(b.every(x => x.pass)).toBe(true)
    expect(b).toHaveLength(7)
  })
  it('fails a ratio over its limit and names it', () => {
    const b = evaluateBudgets({ rows: rows({ build: [14, 10], bytes: [111, 100], paint: [1, 1], step: [1, 1], export: [1, 1] }), check: [1], chunks: okChunks, quick: false })
    const failed = b.filter(x => !x.pass).map(x => x.name)
    expect(failed).toHaveLength(2)
    expect(failed[0]).toMatch(/build/)
    expect(failed[1]).toMatch(/slide 1/)
    expect(b.find(x => /build/.test(x.name))!.detail).toBe('1.40× (limit 1.30×)')
  })
  it('uses 1.5× for every ratio with --quick, but keeps 50 ms for Check', () => {
    const r = rows({ build: [15, 10], bytes: [150, 100], paint: [15, 10], step: [15, 10], export: [15, 10] })
    expect(evaluateBudgets({ rows: r, check: [49], chunks: okChunks, quick: true }).every(x => x.pass)).toBe(true)
    const over = rows({ build: [15.1, 10], bytes: [1, 1], paint: [1, 1], step: [1, 1], export: [1, 1] })
    expect(evaluateBudgets({ rows: over, check: [51], chunks: okChunks, quick: true }).filter(x => !x.pass).map(x => x.name))
      .toEqual([expect.stringMatching(/build/), expect.stringMatching(/Check/)])
  })
  it('fails what could not be measured', () => {
    const b = evaluateBudgets({ rows: rows({}), check: [], chunks: [], quick: false })
    expect(b.every(x => !x.pass)).toBe(true)
  })
  it('fails when a slide-1 chunk is quiz or Mermaid code', () => {
    const b = evaluateBudgets({ rows: all, check: [1], chunks: [classifyChunk('assets/Quiz-abc123XY.js')], quick: false })
    expect(b.at(-1)!.pass).toBe(false)
    expect(b.at(-1)!.detail).toMatch(/Quiz-abc123XY\.js/)
  })
})

describe('slide-1 chunk classification', () => {
  it('flags quiz and Mermaid chunks by name', () => {
    expect(classifyChunk('Quiz-DTyiZjCJ.js').reasons).not.toEqual([])
    expect(classifyChunk('_virtual_kit-quizzes-BkDqHvEX.js').reasons).not.toEqual([])
    expect(classifyChunk('Mermaid-BvWIQQMh.js').reasons).not.toEqual([])
    expect(classifyChunk('flowDiagram-46BLCNT5-Bzee8_sg.js').reasons).not.toEqual([])
    expect(classifyChunk('dagre-VDPKY7UI-C8mSs0tZ.js').reasons).not.toEqual([])
  })
  it('flags a chunk with a neutral name by its code', () => {
    expect(classifyChunk('chunk-AHS5MEEA-x.js', 'var a={securityLevel:"strict"}').reasons.join()).toMatch(/Mermaid/)
    expect(classifyChunk('chunk-1.js', 'localStorage.getItem("repatriation-kit:quiz-progress")').reasons.join()).toMatch(/quiz/)
  })
  it('does not count file names listed in an import map as code', () => {
    const index = 'const deps=["./Quiz-DTyiZjCJ.js","./Mermaid-BvWIQQMh.js","./_virtual_kit-quizzes-BkDqHvEX.js","assets/Quiz-Cg30Gce1.css"];'
    expect(classifyChunk('index-DuutMWbX.js', index).reasons).toEqual([])
    expect(classifyChunk('shiki-DMCA3rj1.js', 'export{}').reasons).toEqual([])
  })
})

describe('report', () => {
  it('formats times and sizes', () => {
    expect(formatMs(12.345)).toBe('12.3 ms')
    expect(formatMs(456.7)).toBe('457 ms')
    expect(formatMs(2345)).toBe('2.35 s')
    expect(formatMs(23_456)).toBe('23.5 s')
    expect(formatBytes(512)).toBe('512 B')
    expect(formatBytes(2048)).toBe('2.0 KiB')
    expect(formatBytes(3 * 1024 * 1024)).toBe('3.00 MiB')
  })
  it('writes a Markdown table, escaping pipes', () => {
    expect(markdownTable(['a', 'b'], [['1', 'x|y']], ['l', 'r'])).toBe('| a | b |\n| --- | ---: |\n| 1 | x\\|y |')
  })
  it('lists every figure, the ratio and Check → feedback', () => {
    const t = resultsTable(summarise({ build: [20_000, 30_000, 10_000] }, { build: [10_000] }), [12, 14, 40], false)
    expect(t).toMatch(/`slidev build` wall time \| 20\.0 s \| 10\.0 s \| 2\.00× \| ≤ 1\.30× \| 3 \/ 1 \|/)
    expect(t).toMatch(/Check → feedback shown \(kit only\) \| 14\.0 ms \|/)
    expect(t.split('\n')).toHaveLength(2 + 5 + 1)
  })
  it('replaces only the results section of the doc', () => {
    const doc = `# Benchmarks\n\nMethod.\n\n${RESULTS_START}\nold\n${RESULTS_END}\n\nFooter.\n`
    const out = replaceResults(doc, 'new')
    expect(out).toBe(`# Benchmarks\n\nMethod.\n\n${RESULTS_START}\nnew\n${RESULTS_END}\n\nFooter.\n`)
    expect(replaceResults('# B\n', 'x')).toBe(`# B\n\n${RESULTS_START}\nx\n${RESULTS_END}\n`)
  })
})

describe('plain deck text', () => {
  it('parses attributes, bound ones as numbers or booleans', () => {
    expect(parseAttrs(' id="x" :page="2" :unit="false" bank="04-a"')).toEqual({ id: 'x', page: 2, unit: false, bank: '04-a' })
  })
  it('turns <Fact> into its formatted value and citation marker', () => {
    expect(plainSlide('- <Fact id="removals" /> wait.', data)).toBe('- 39,000 people [¶8] wait.')
    expect(plainSlide('<Fact id="removals" :unit="false" :cite="false" />', data)).toBe('39,000')
    expect(plainSlide('Said<Cite id="reuters-figure" />.', data)).toBe('Said [7].')
  })
  it('turns <Status> into short text', () => {
    expect(plainSlide('- A claim <Status id="thesis" />', data)).toBe('- A claim *(Interpretation)*')
    expect(plainSlide('<Status id="reuters-figure" />', data)).toBe('*(Reported by Reuters)*')
  })
  it('turns a <Quote> alone on its line into a blockquote', () => {
    expect(plainSlide('<Quote id="official-quote" />', data)).toBe('> “They do not want these people back.”\n>\n> — a US official [7] *(Interpretation)*')
  })
  it('turns a <Quiz> into its stem and lettered options', () => {
    expect(plainSlide('# Q\n\n<Quiz bank="04-united-states" :question="1" />', data)).toBe('# Q\n\n**How many?**\n\n- A. Ten\n- B. 39,000 people')
    expect(quizText(bank.questions[1], data)).toEqual(['**True?**', '', '- A. True', '- B. False'])
    expect(quizText(bank.questions[2], data)).toEqual(['**Give the figure.**', '', 'Your figure: ____________ people'])
  })
  it('turns <AnswerKey>, <Sources>, <Glossary> and <QuizSummary> into plain lists', () => {
    const key = componentText('AnswerKey', { bank: '04-united-states', page: 1 }, true, data)
    expect(key).toMatch(/^1\. \*\*How many\?\*\*\n {3}Answer: B — 39,000 people\n {3}Paragraph 8\.\n {3}Sources: The article/)
    expect(key).toMatch(/\n2\. \*\*True\?\*\*\n {3}Answer: True/)
    expect(componentText('UnitPlan', {}, true, { ...data, plan: 'Session 1  87' })).toBe('```text\nSession 1  87\n```')
    expect(() => componentText('UnitPlan', {}, true, data)).toThrow(/no plan given/)
    expect(componentText('Sources', { page: 1 }, true, data)).toBe('- The article: Safeguard Defenders, 2022-08: The article https://example.org/a\n- [7] Reuters, 2015-09-11: Take back your immigrants https://example.org/r\n\nPage 1 of 1')
    expect(componentText('Glossary', { page: 1 }, true, data).split('\n')[0]).toBe('- **ICE** (Immigration and Customs Enforcement): The US agency that removes people.')
    expect(componentText('QuizSummary', {}, true, data)).toBe('- 4. The United States: 0 / 3 answered')
  })
  it('shows the questions an answer-key slide names with :from and :to, as the kit does', () => {
    const key = componentText('AnswerKey', { bank: '04-united-states', from: 2, to: 2 }, true, data)
    expect(key).toMatch(/^2\. \*\*True\?\*\*/)
    expect(key).not.toMatch(/How many\?/)
  })
  it('keeps the indentation of a block component', () => {
    expect(plainSlide('  <Quote id="official-quote" />', data).split('\n')[0]).toBe('  > “They do not want these people back.”')
  })
  it('refuses an unknown component or fact id', () => {
    expect(() => plainSlide('<Chart id="x" />', data)).toThrow(/Chart/)
    expect(() => plainSlide('<Fact id="nope" />', data)).toThrow(/nope/)
    expect(() => plainSlide('<Widget>text</Widget>', data)).toThrow(/Widget/)
  })
  it('keeps HTML and Mermaid blocks as they are', () => {
    const md = '<div class="mermaid-fit">\n\n```mermaid\nflowchart LR\n  A["x"] --> B["y"]\n```\n\n</div>'
    expect(plainSlide(md, data)).toBe(md)
    expect(mermaidBlocks(md)).toEqual(['```mermaid\nflowchart LR\n  A["x"] --> B["y"]\n```'])
  })
  it('keeps the headmatter essentials, with no custom fonts', () => {
    const h = plainHeadmatter({ theme: 'default', title: 'T', fonts: { sans: 'Source Sans 3', provider: 'none' }, routerMode: 'hash', colorSchema: 'auto', layout: 'cover', answerKey: true, mdc: true })
    expect(h).toEqual({ theme: 'default', title: 'T', routerMode: 'hash', colorSchema: 'auto', layout: 'cover', mdc: true, fonts: { provider: 'none' }, exportFilename: 'plain' })
  })
  it('writes one slide per input slide, with its notes', () => {
    const md = plainDeck('theme: default', [
      { no: 1, content: '# One\n\n<Fact id="removals" />', note: 'Say one.' },
      { no: 2, content: '# Two' },
    ], data)
    expect(md).toBe('---\ntheme: default\n---\n\n# One\n\n39,000 people [¶8]\n\n<!--\nSay one.\n-->\n\n---\n\n# Two\n')
  })
})

describe('the plain deck of the real kit', () => {
  it('gives plain text for every kit component on every slide of slides.md', async () => {
    const root = resolve(import.meta.dirname, '../..')
    const sources = loadSources(root)
    const quizzes = Object.fromEntries(loadQuizzes(root, sources.facts).map(b => [b.stem, b.quiz]))
    const plan = formatPlan(unitPlan(await readDeck('lecture.md'), quizzes))
    const real: PlainData = { facts: new Map(sources.facts.map(f => [f.id, f])), references: sources.references, glossary: sources.glossary, quizzes, plan }
    const slides = await readDeck()
    const md = plainDeck('---\ntitle: t\n---', slides.map(s => ({ no: s.no, content: s.content ?? '', note: s.note })), real)
    expect(md).toContain(plan.split('\n')[0])
    expect(md).not.toMatch(/<\/?[A-Z][A-Za-z]*\b/)
  }, 60_000)
})
