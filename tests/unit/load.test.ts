import type { z } from 'zod'
import { describe, expect, it } from 'vitest'
import { DataError, decodeText, loadYaml, readYaml, validateYaml } from '../../lib/load.ts'
import { FactsFile, GlossaryFile, ReferencesFile } from '../../lib/ledger/schema.ts'

const good = `- id: us-removal-inventory-2021
  claim: In 2021 the US removal inventory held about 39,000 Chinese nationals.
  value: { kind: number, value: 39000 }
  unit: people
  as_of: "2021"
  status: documented
  source: { section: united-states, paragraph: 8 }
`

function issuesOf(text: string, schema: z.ZodType = FactsFile) {
  try {
    loadYaml(text, 'sources/facts.yaml', schema)
  }
  catch (e) {
    expect(e).toBeInstanceOf(DataError)
    return (e as DataError).issues
  }
  throw new Error('expected a DataError')
}

describe('loadYaml with the ledger schema', () => {
  it('accepts a well-formed entry and applies defaults', () => {
    const [fact] = loadYaml(good, 'sources/facts.yaml', FactsFile)
    expect(fact.id).toBe('us-removal-inventory-2021')
    expect(fact.source.footnotes).toEqual([])
  })

  it('names the file, line and field of a wrong value', () => {
    const issues = issuesOf(good.replace('value: 39000', 'value: "39,000"'))
    expect(issues).toHaveLength(1)
    expect(issues[0]).toMatchObject({ file: 'sources/facts.yaml', line: 3, field: '0.value.value' })
  })

  it('points at the line of a field in the second entry', () => {
    const second = good.replace('us-removal-inventory-2021', 'second-entry').replace('status: documented', 'status: rumour')
    const issues = issuesOf(good + second)
    expect(issues).toEqual([expect.objectContaining({ line: 13, field: '1.status' })])
  })

  it('reports a missing required field at its entry', () => {
    const issues = issuesOf(good.replace(/ {2}claim:.*\n/, ''))
    expect(issues[0]).toMatchObject({ line: 1, field: '0.claim' })
  })

  it('requires an outlet for a reported fact', () => {
    const issues = issuesOf(good.replace('status: documented', 'status: reported'))
    expect(issues[0]).toMatchObject({ field: '0.outlet' })
  })

  it('rejects unknown fields, so a typo does not pass silently', () => {
    const issues = issuesOf(good.replace('unit: people', 'units: people'))
    expect(issues[0].message).toMatch(/units/)
    expect(issues[0]).toMatchObject({ line: 4, field: '0.units' })
  })

  it('reports YAML syntax errors with their line', () => {
    const issues = issuesOf(`${good}- id: [unclosed\n  claim: x\n`)
    expect(issues[0].field).toBe('(syntax)')
    expect(issues[0].line).toBeGreaterThanOrEqual(9)
  })

  it('formats every issue as file:line field: message', () => {
    try {
      loadYaml(good.replace('paragraph: 8', 'paragraph: 99'), 'sources/facts.yaml', FactsFile)
    }
    catch (e) {
      expect((e as Error).message).toMatch(/^sources\/facts\.yaml:7 0\.source\.paragraph: /)
      return
    }
    throw new Error('expected an error')
  })

  it('checks references and glossary files too', () => {
    expect(issuesOf('- id: fn19\n  title: x\n', ReferencesFile)[0].field).toBe('0.id')
    expect(issuesOf('- id: fn2\n  title: CBSA documents\n', ReferencesFile)[0].field).toBe('0.url')
    expect(loadYaml('- id: fn2\n  title: CBSA documents\n  availability: foi\n', 'r.yaml', ReferencesFile)[0].availability).toBe('foi')
    expect(issuesOf('- term: MPS\n  definition: short\n', GlossaryFile)[0]).toMatchObject({ line: 2, field: '0.definition' })
  })
})

describe('what a hand-edited file can get wrong', () => {
  it('loads a file that uses anchors and aliases as YAML allows, more than 100 of them, and merge keys', () => {
    const refs = Array.from({ length: 150 }, (_, i) => `  - *who`).join('\n')
    const r = readYaml(`who: &who { name: CBSA }\nlist:\n${refs}\nbase: &base { a: 1 }\nmerged:\n  <<: *base\n  b: 2\n`, 'f.yaml')
    expect(r.issues).toEqual([])
    expect((r.data as { list: unknown[] }).list).toHaveLength(150)
    expect((r.data as { merged: unknown }).merged).toEqual({ a: 1, b: 2 })
  })

  it('refuses an alias bomb, with a message and a line, not a stack trace', () => {
    const levels = ['a: &a [x, x, x, x, x, x, x, x, x, x]']
    for (let i = 1; i < 6; i++)
      levels.push(`${'abcdef'[i]}: &${'abcdef'[i]} [${Array.from({ length: 10 }, () => `*${'abcdef'[i - 1]}`).join(', ')}]`)
    const r = readYaml(`${levels.join('\n')}\n`, 'f.yaml')
    expect(r.parsed).toBe(false)
    expect(r.issues).toEqual([expect.objectContaining({ line: 2, field: '(syntax)', message: expect.stringMatching(/alias bomb/) })])
  })

  it('accepts a UTF-8 byte-order mark and CRLF line ends', () => {
    const text = decodeText(new Uint8Array([0xEF, 0xBB, 0xBF, ...new TextEncoder().encode('- term: MPS\r\n  definition: A long enough definition.\r\n')]), 'g.yaml')
    expect(loadYaml(text, 'g.yaml', GlossaryFile)[0].term).toBe('MPS')
  })

  it('names the line of a Latin-1 byte', () => {
    const bytes = new Uint8Array([...new TextEncoder().encode('- term: A\n  definition: caf'), 0xE9, ...new TextEncoder().encode(' au lait, long\n')])
    expect(() => decodeText(bytes, 'g.yaml')).toThrow(/^g\.yaml:2 \(encoding\): the file is not valid UTF-8: byte 0xE9/)
  })

  it('refuses C0 and C1 control characters in values and keys, escaped or raw, but not tabs or line breaks', () => {
    expect(readYaml('a: "x\\ty"\nb: |\n  one\n  two\n', 'f.yaml').issues).toEqual([])
    for (const [text, line] of [['a: "x\\vy"\n', 1], ['a: x\u0085y\n', 1], ['a: ok\nb: |\n  one\n  t\u0007wo\n', 4], ['"k\\u0001": v\n', 1]] as const)
      expect(readYaml(text, 'f.yaml').issues, JSON.stringify(text)).toEqual([expect.objectContaining({ line, message: expect.stringMatching(/^contains .*control characters break the QTI and GIFT exports/) })])
  })

  it('refuses a reference URL that is not http(s) or mailto', () => {
    for (const url of ['javascript:alert(1)', 'data:text/html,<b>x</b>', 'file:///etc/passwd', 'vbscript:x'])
      expect(issuesOf(`- id: fn1\n  footnote: 1\n  title: T\n  url: "${url}"\n`, ReferencesFile)[0]).toMatchObject({ line: 4, field: '0.url' })
    for (const url of ['https://example.org/a', 'http://example.org', 'mailto:press@example.org'])
      expect(loadYaml(`- id: fn1\n  footnote: 1\n  title: T\n  url: "${url}"\n`, 'r.yaml', ReferencesFile)[0].url).toBe(url)
  })

  it('checks list entries one by one, keeping the good ones', () => {
    const bad = good.replace('us-removal-inventory-2021', 'second').replace('status: documented', 'status: rumour')
    const r = validateYaml(good + bad + good.replace('us-removal-inventory-2021', 'third'), 'sources/facts.yaml', FactsFile)
    expect(r.issues).toHaveLength(1)
    expect(r.value?.map(f => f.id)).toEqual(['us-removal-inventory-2021', 'third'])
    expect(r.indices).toEqual([0, 2])
    expect(r.rejected).toEqual([expect.objectContaining({ index: 1 })])
  })

  it('treats an empty list as empty when asked, and an empty file as fine when allowed', () => {
    expect(validateYaml('[]\n', 'r.yaml', ReferencesFile, { nonEmpty: true }).issues[0].message).toMatch(/empty list/)
    expect(validateYaml('# nothing\n', 'u.yaml', ReferencesFile, { allowEmpty: true })).toMatchObject({ issues: [], value: [] })
  })
})
