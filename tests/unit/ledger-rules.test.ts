import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { loadSources } from '../../lib/content.ts'
import { checkLedgerRules, namedSpeakers, sentenceCount } from '../../lib/ledger/rules.ts'
import type { Fact, GlossaryEntry, Reference, RetiredEntry } from '../../lib/ledger/schema.ts'
import { Fact as FactSchema, ReferencesFile, RetiredFile } from '../../lib/ledger/schema.ts'
import { loadYaml } from '../../lib/load.ts'

const fact = (raw: Record<string, unknown>): Fact => FactSchema.parse({
  claim: 'A claim about this entry.',
  status: 'documented',
  source: { section: 'united-states', paragraph: 12, footnotes: [7] },
  ...raw,
})

const references: Reference[] = ReferencesFile.parse([
  { id: 'fn7', footnote: 7, title: 'Take back your undocumented immigrants', publisher: 'Reuters', url: 'https://example.org/r' },
  { id: 'fn2', footnote: 2, title: 'CBSA documentation', publisher: 'Canada Border Services Agency (CBSA)', availability: 'foi' },
  { id: 'fn4', footnote: 4, title: 'Other options', publisher: 'The Sydney Morning Herald', url: 'https://example.org/s' },
  { id: 'ctx-schengen', kind: 'context', title: 'Schengen', publisher: 'European Commission', url: 'https://example.org/e' },
])

const named: Fact[] = [
  fact({ id: 'liu-dong', value: { kind: 'name', value: 'Liu Dong' }, claim: 'Liu Dong directed Fox Hunt.' }),
  fact({ id: 'cbsa', value: { kind: 'name', value: 'Canada Border Services Agency (CBSA)' }, claim: 'The CBSA removes people from Canada.', source: { section: 'canada', paragraph: 24 } }),
]

function rules(facts: Fact[], extra: { glossary?: GlossaryEntry[], retired?: RetiredEntry[] } = {}) {
  return checkLedgerRules({ facts: [...named, ...facts], references, glossary: extra.glossary ?? [], retired: extra.retired, lines: { facts: p => 100 + Number(p[0]) } })
}

describe('status: quotation needs a named speaker', () => {
  const quote = (speaker: string, claim = `${speaker} said it.`) => fact({ id: 'q', status: 'quotation', claim, value: { kind: 'quotation', text: 'words', speaker } })

  it('accepts a person the ledger names, a named body\'s documents, or a referenced publisher', () => {
    expect(rules([quote('Liu Dong')])).toEqual([])
    expect(rules([quote('CBSA documents', 'A CBSA document says so.')])).toEqual([])
    expect(rules([quote('Reuters', 'Reuters wrote it.')])).toEqual([])
  })

  it('rejects an unnamed official, a body "as characterised", and a name nobody knows, at file:line of the speaker', () => {
    for (const speaker of ['Unnamed U.S. official, quoted by Reuters', 'a Fox Hunt official', 'Chinese government (as characterised by the article)', 'Zhang San']) {
      const issues = rules([quote(speaker)])
      expect(issues, speaker).toContainEqual({
        file: 'sources/facts.yaml',
        line: 102,
        field: '2.value.speaker',
        message: `a \`quotation\` needs a named speaker, a person or a document that the ledger or the references name; “${speaker}” is not one. Words of an unnamed speaker are \`reported\` (with its \`outlet\`) or \`interpretation\``,
      })
    }
  })

  it('lets an unnamed speaker\'s verbatim words stand under another status', () => {
    const f = fact({ id: 'q', status: 'interpretation', claim: 'An unnamed official judged it, a view the author adopts.', value: { kind: 'quotation', text: 'words', speaker: 'an unnamed official' }, outlet: 'Reuters' })
    expect(rules([f])).toEqual([])
  })

  it('knows names, acronyms and publishers in lower case', () => {
    const names = namedSpeakers(named, references)
    expect([...names]).toEqual(expect.arrayContaining(['liu dong', 'canada border services agency', 'cbsa', 'reuters']))
    expect(names.has('safeguard defenders')).toBe(false)
  })
})

describe('status: reported needs an outlet the references know', () => {
  it('accepts the publisher of one of its footnotes, named in the claim', () => {
    expect(rules([fact({ id: 'r', status: 'reported', outlet: 'Reuters', claim: 'According to Reuters, it happened.', value: { kind: 'text', value: 'x' } })])).toEqual([])
  })

  it('rejects an outlet that no footnote has as publisher', () => {
    const issues = rules([fact({ id: 'r', status: 'reported', outlet: 'The Daily Planet', claim: 'According to The Daily Planet, it happened.', value: { kind: 'text', value: 'x' } })])
    expect(issues).toEqual([expect.objectContaining({ field: '2.outlet', line: 102 })])
    expect(issues[0].message).toMatch(/^the outlet “The Daily Planet” is not the publisher of any footnote in sources\/references\.yaml/)
  })

  it('rejects a known outlet that publishes none of the entry\'s footnotes', () => {
    const issues = rules([fact({ id: 'r', status: 'reported', outlet: 'The Sydney Morning Herald', claim: 'According to The Sydney Morning Herald, it happened.', value: { kind: 'text', value: 'x' } })])
    expect(issues.map(i => i.message)).toEqual(['a `reported` fact\'s outlet must publish one of its footnotes; “The Sydney Morning Herald” publishes none of [7]'])
  })

  it('asks a reported claim to name its outlet', () => {
    const issues = rules([fact({ id: 'r', status: 'reported', outlet: 'Reuters', claim: 'It happened.', value: { kind: 'text', value: 'x' } })])
    expect(issues.map(i => i.field)).toEqual(['2.claim'])
  })
})

describe('claims, sources, context and retired ids', () => {
  it('counts sentences, abbreviations aside', () => {
    expect(sentenceCount('The U.S. refused. Canada agreed.')).toBe(2)
    expect(sentenceCount('The U.S. and the U.K. refused, e.g. twice.')).toBe(1)
    expect(rules([fact({ id: 'two', value: { kind: 'text', value: 'x' }, claim: 'One thing happened. Then another did.' })]).map(i => i.field)).toEqual(['2.claim'])
  })

  it('asks an interpretation to say whose reading it is', () => {
    const reading = (claim: string) => rules([fact({ id: 'i', status: 'interpretation', claim, value: { kind: 'text', value: 'x' } })])
    expect(reading('China never wanted cooperation.').map(i => i.field)).toEqual(['2.claim'])
    expect(reading('The author argues China never wanted cooperation.')).toEqual([])
  })

  it('keeps paragraphs inside their section, and Switzerland in footnote 5', () => {
    expect(rules([fact({ id: 'p', value: { kind: 'text', value: 'x' }, source: { section: 'united-states', paragraph: 20 } })]).map(i => i.message))
      .toEqual(['paragraph 20 is not in section `united-states` (paragraphs 8–14)'])
    expect(rules([fact({ id: 's', value: { kind: 'text', value: 'x' }, source: { section: 'switzerland', paragraph: 9 } })]).map(i => i.field))
      .toEqual(['2.source.in_footnote'])
  })

  it('accepts only context references in `context`', () => {
    expect(rules([fact({ id: 'c', value: { kind: 'name', value: 'x' }, context: ['ctx-schengen'] })])).toEqual([])
    expect(rules([fact({ id: 'c', value: { kind: 'name', value: 'x' }, context: ['ctx-nowhere'] })]).map(i => i.field)).toEqual(['2.context.0'])
  })

  it('asks a glossary definition marked "Outside the article" to cite its context, and the reverse', () => {
    const g = (definition: string, context?: string[]) => ({ term: 'Schengen area', definition, facts: [], ...(context ? { context } : {}) })
    expect(rules([], { glossary: [g('An area. Outside the article: no border checks.', ['ctx-schengen'])] })).toEqual([])
    expect(rules([], { glossary: [g('An area. Outside the article: no border checks.')] }).map(i => i.field)).toEqual(['0.definition'])
    expect(rules([], { glossary: [g('An area with no border checks.', ['ctx-schengen'])] }).map(i => i.field)).toEqual(['0.definition'])
  })

  it('never reuses a retired id', () => {
    const retired = RetiredFile.parse([{ id: 'liu-dong', reason: 'Split into two entries.' }])
    expect(rules([], { retired }).map(i => `${i.file} ${i.field}`)).toEqual(['sources/retired.yaml 0.id'])
  })
})

describe('the kit\'s own ledger', () => {
  it('follows every rule', () => {
    const c = loadSources(process.cwd())
    const retired = loadYaml(readFileSync('sources/retired.yaml', 'utf8'), 'sources/retired.yaml', RetiredFile)
    expect(checkLedgerRules({ ...c, retired })).toEqual([])
  })

  it('has no quotation whose speaker is unnamed', () => {
    const { facts } = loadSources(process.cwd())
    const quoted = facts.filter(f => f.status === 'quotation' && f.value.kind === 'quotation')
    expect(quoted.length).toBeGreaterThan(10)
    for (const f of quoted)
      expect(f.value.kind === 'quotation' && f.value.speaker, f.id).not.toMatch(/unnamed|official|characteri[sz]ed|government/i)
  })
})

describe('references of kind context', () => {
  const issues = (raw: unknown[]) => {
    const r = ReferencesFile.safeParse(raw)
    return r.success ? [] : r.error.issues.map(i => `${i.path.join('.')}: ${i.message}`)
  }

  it('are public, name a publisher, and are no footnote', () => {
    expect(issues([{ id: 'ctx-irb', kind: 'context', title: 'IRB', publisher: 'Immigration and Refugee Board of Canada', url: 'https://irb-cisr.gc.ca/' }])).toEqual([])
    expect(issues([{ id: 'ctx-irb', title: 'IRB', availability: 'foi' }])).toEqual([
      '0.publisher: a `context` reference must name its `publisher`',
      '0.availability: a `context` reference must be public, with a `url`',
    ])
    expect(issues([{ id: 'ctx-irb', kind: 'footnote', title: 'IRB', publisher: 'x', url: 'https://example.org' }])).toEqual(['0.kind: `ctx-irb` is a context reference, not `footnote`'])
  })
})

describe('context references on the Sources slides', () => {
  it('are marked as outside the article', async () => {
    const { describeReference } = await import('../../lib/cite.ts')
    const [ctx] = ReferencesFile.parse([{ id: 'ctx-irb', kind: 'context', title: 'IRB (official website)', publisher: 'Immigration and Refugee Board of Canada', url: 'https://irb-cisr.gc.ca/' }])
    expect(describeReference(ctx)).toBe('Outside the article: Immigration and Refugee Board of Canada: IRB (official website)')
  })
})
