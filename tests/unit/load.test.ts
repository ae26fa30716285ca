import type { z } from 'zod'
import { describe, expect, it } from 'vitest'
import { DataError, loadYaml } from '../../lib/load.ts'
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
