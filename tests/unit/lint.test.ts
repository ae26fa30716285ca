import { readdirSync, readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import type { Fact } from '../../lib/ledger/schema.ts'
import { loadSources } from '../../lib/content.ts'
import { citedIds, lintPage } from '../../lib/lint.ts'

const fact = (id: string, value: Fact['value'], extra: Partial<Fact> = {}): Fact => ({
  id, claim: `A claim about ${id}.`, value, status: 'documented',
  source: { section: 'canada', paragraph: 18, footnotes: [] }, ...extra,
})
const ledger: Fact[] = [
  fact('ca-total', { kind: 'number', value: 6597 }),
  fact('ca-years', { kind: 'period', from: 2008, to: 2020 }),
  fact('ca-mou', { kind: 'date', year: 2016, season: 'autumn' }),
]
const lint = (text: string) => lintPage(text, 'pages/x.md', ledger)

describe('lintPage', () => {
  it('accepts figures the ledger holds, in any spelling', () => {
    expect(lint('# Canada\n\nIn total 6,597 people left between 2008 and 2020 (or 6597).\n')).toEqual([])
  })

  it('flags a hand-typed figure that no entry holds, with its line', () => {
    const issues = lint('# Canada\n\nAbout 6,600 people were removed.\n')
    expect(issues).toHaveLength(1)
    expect(issues[0]).toMatchObject({ file: 'pages/x.md', line: 3 })
    expect(issues[0].message).toContain('6,600')
  })

  it('checks speaker notes and Mermaid source too', () => {
    expect(lint('# A\n\n<!--\nSay that 7,000 left.\n-->\n')[0].line).toBe(4)
    expect(lint('Modules 4, 6 and 7 are the country cases.')).toEqual([])
    expect(lint('# A\n\n```mermaid\nflowchart LR\n  A["2015 deal"] --> B["2016"]\n```\n')).toHaveLength(1)
  })

  it('ignores structure: timings, list markers, footnotes, module numbers, tags', () => {
    const page = [
      '---', 'layout: two-cols', 'clicks: 3', '---', '',
      '# Module 6 · Canada', '',
      '<div class="grid grid-cols-2 gap-8 mt-4">', '',
      '1. first', '2. second', '',
      'See footnotes 13 and 14 and [11], ¶18, Involuntary Return type 2.', '',
      '<Sources :page="2" />', '</div>', '',
      '```mermaid {scale: 0.8}', 'flowchart LR', '  A1["x"] --> B2["y"]', '```', '',
      '<!--', 'Minutes: 12', '-->',
    ].join('\n')
    expect(lint(page)).toEqual([])
  })

  it('reports a component citing an unknown id', () => {
    const issues = lint('# A\n\nSee <Fact id="ca-total" /> and <Cite id="nope" />.\n')
    expect(issues).toEqual([expect.objectContaining({ line: 3, message: expect.stringContaining('<Cite id="nope">') })])
  })

  it('collects cited ids', () => {
    expect([...citedIds('<Fact id="a"/> <Quote id="b" /> <Status id="a"/>')]).toEqual(['a', 'b'])
  })
})

describe('the deck', () => {
  const { facts } = loadSources(process.cwd())
  const pages = readdirSync('pages').filter(f => f.endsWith('.md')).map(f => `pages/${f}`)
  const texts = Object.fromEntries(pages.map(p => [p, readFileSync(p, 'utf8')]))

  it('types no figure by hand and cites only known ledger ids', () => {
    const issues = pages.flatMap(p => lintPage(texts[p], p, facts))
    expect(issues.map(i => `${i.file}:${i.line} ${i.message}`)).toEqual([])
  })

  it('teaches every dated or numeric ledger entry on some slide', () => {
    const used = new Set(pages.flatMap(p => [...citedIds(texts[p])]))
    const figures = facts.filter(f => ['number', 'range', 'year', 'period', 'date'].includes(f.value.kind))
    const untaught = figures.filter(f => !used.has(f.id)).map(f => f.id)
    expect(untaught, 'figures in the ledger that no slide shows').toEqual([])
  })
})
