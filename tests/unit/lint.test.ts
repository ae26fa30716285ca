import { readdirSync, readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import type { Fact, GlossaryEntry, Reference } from '../../lib/ledger/schema.ts'
import { listFiles, loadSources } from '../../lib/content.ts'
import { citedIds, fieldAt, formatLintIssue, lintNames, lintPage, nameVocabulary } from '../../lib/lint.ts'

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
    expect(issues).toEqual([expect.objectContaining({ line: 3, field: 'slide', message: expect.stringContaining('<Cite id="nope">') })])
  })

  it('says whether an issue is on the slide, in the notes or in a diagram', () => {
    const page = '# A\n\nText.\n\n```mermaid\nflowchart LR\n```\n\n<!--\nSay: 7,000.\n-->\n'
    expect(fieldAt(page, page.indexOf('Text'))).toBe('slide')
    expect(fieldAt(page, page.indexOf('flowchart'))).toBe('diagram')
    expect(fieldAt(page, page.indexOf('Say'))).toBe('notes')
    expect(lint(page).map(formatLintIssue)).toEqual([expect.stringMatching(/^pages\/x\.md:10 notes: the figure 7,000 is not held/)])
  })

  it('collects cited ids', () => {
    expect([...citedIds('<Fact id="a"/> <Quote id="b" /> <Status id="a"/>')]).toEqual(['a', 'b'])
  })
})

describe('lintNames', () => {
  const facts: Fact[] = [
    fact('lucki', { kind: 'name', value: 'Brenda Lucki' }, { claim: 'Brenda Lucki, RCMP Commissioner, spoke to The Globe and Mail.' }),
    fact('cbsa', { kind: 'name', value: 'Canada Border Services Agency (CBSA)' }),
  ]
  const references = [
    { id: 'fn17', footnote: 17, title: 'Canada deports hundreds', publisher: 'The Globe and Mail', url: 'https://example.org', availability: 'public' },
    { id: 'ctx-schengen', kind: 'context', title: 'Schengen, borders and visa', publisher: 'European Commission', url: 'https://example.org/e', availability: 'public' },
  ] as Reference[]
  const glossary = [{ term: 'Schengen area', definition: 'An area the visas opened.', facts: [] }] as GlossaryEntry[]
  const vocab = nameVocabulary(facts, references, glossary, ['say what the article says, then answer.'])
  const names = (text: string) => lintNames(text, 'pages/x.md', vocab)

  it('knows the names of the ledger, the references and the glossary', () => {
    expect(names('# The RCMP\n\n- Brenda Lucki told The Globe and Mail about the CBSA and the Schengen area.\n')).toEqual([])
  })

  it('flags an outlet the references do not know, in the notes, as file:line field: message', () => {
    const issues = names('# A\n\n<!--\nSay: the BBC covered it too.\n-->\n')
    expect(issues.map(formatLintIssue)).toEqual(['pages/x.md:4 notes: “BBC” is named here, but no ledger entry, reference or glossary term knows it: name only what the article names, or move the background into an “Outside the article [ctx-…]” notes block (ordinary words go in ALLOWED_WORDS in lib/lint.ts)'])
  })

  it('flags a person or body named in mid-sentence, or as a run at the start', () => {
    expect(names('- Officials met the National Security Council.\n').map(i => i.message.split(' ')[0])).toEqual(['“National”', '“Security”', '“Council”'])
    expect(names('Joe Biden said so.\n').map(i => i.message.split(' ')[0])).toEqual(['“Joe”', '“Biden”'])
  })

  it('leaves ordinary capitalised words at the start of a sentence, a list item or a label alone', () => {
    expect(names('<!--\nSay: the list.\n\nAnswer: yes. Then read it.\n-->\n\n- Removed in May.\n')).toEqual([])
    expect(names('```mermaid\nflowchart LR\n  accTitle: Removals\n  A["Removals stall"] --> B["Backlog grows"]\n```\n')).toEqual([])
  })

  it('accepts outside background only in a notes block that cites a context reference', () => {
    expect(names('<!--\nOutside the article [ctx-schengen]: the European Union has no internal border checks.\n-->\n')).toEqual([])
    expect(names('<!--\nOutside the article: the European Union.\n-->\n').map(i => i.message)).toEqual(['an “Outside the article” block must cite its source: a `kind: context` reference in square brackets, e.g. [ctx-schengen]'])
    expect(names('<!--\nOutside the article [ctx-nowhere]: the European Union.\n-->\n').map(i => i.message)).toEqual(['[ctx-nowhere] is not a `kind: context` reference in sources/references.yaml'])
    expect(names('Outside the article [ctx-schengen]: the European Union.\n').map(i => `${i.field}: ${i.message}`)).toEqual(['slide: background from outside the article belongs in the speaker notes, not on the slide'])
  })
})

describe('the deck', () => {
  const { facts, references, glossary } = loadSources(process.cwd())
  const pages = readdirSync('pages').filter(f => f.endsWith('.md')).map(f => `pages/${f}`)
  const texts = Object.fromEntries(pages.map(p => [p, readFileSync(p, 'utf8')]))

  it('types no figure by hand and cites only known ledger ids', () => {
    const issues = pages.flatMap(p => lintPage(texts[p], p, facts))
    expect(issues.map(i => `${i.file}:${i.line} ${i.message}`)).toEqual([])
  })

  it('names no person, outlet or body that the ledger, references and glossary do not know', () => {
    const quizzes = listFiles(process.cwd(), 'quizzes', /\.ya?ml$/).map(f => readFileSync(f, 'utf8'))
    const vocab = nameVocabulary(facts, references, glossary, [...Object.values(texts), ...quizzes])
    const issues = pages.flatMap(p => lintNames(texts[p], p, vocab))
    expect(issues.map(formatLintIssue)).toEqual([])
  })

  it('keeps every "Outside the article" block in the notes, citing a context reference', () => {
    const blocks = pages.flatMap(p => [...texts[p].matchAll(/^Outside the article\b.*$/gm)].map(m => ({ p, line: m[0] })))
    expect(blocks.length).toBeGreaterThan(0)
    for (const b of blocks)
      expect(b.line, b.p).toMatch(/^Outside the article \[ctx-[a-z0-9-]+\]:/)
  })

  it('teaches every dated or numeric ledger entry on some slide', () => {
    const used = new Set(pages.flatMap(p => [...citedIds(texts[p])]))
    const figures = facts.filter(f => ['number', 'range', 'year', 'period', 'date'].includes(f.value.kind))
    const untaught = figures.filter(f => !used.has(f.id)).map(f => f.id)
    expect(untaught, 'figures in the ledger that no slide shows').toEqual([])
  })
})
