/**
 * Every authoring mistake stops `npm run check` with its exact message, at
 * the right line, and nothing else: no cascade, no stack trace.
 * (The build is tested on the same fixtures in build.test.ts.)
 */
import { spawnSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { check } from '../../../scripts/check.ts'
import { FIXTURES } from './fixtures.ts'
import { copyProject, dispose, ROOT } from './project.ts'

const dirs: string[] = []
afterAll(() => dirs.forEach(dispose))

function runCheck(root: string) {
  const out: string[] = []
  const err: string[] = []
  const code = check(root, { log: l => out.push(l), error: l => err.push(l) })
  return { code, out, err, problems: err.filter(l => !l.startsWith('check: ')) }
}

describe('check on the kit as it is', () => {
  it('passes', () => {
    const r = runCheck(ROOT)
    expect(r.err).toEqual([])
    expect(r.code).toBe(0)
  })
})

describe.each(FIXTURES)('check: $mistake', (f) => {
  it('prints exactly its message and exits 1', () => {
    const root = copyProject({ data: true })
    dirs.push(root)
    const expected = f.apply(root)
    const r = runCheck(root)
    expect(r.problems).toEqual(expected)
    expect(r.code).toBe(1)
    expect(r.err.at(-1)).toBe(`check: ${expected.length} problem(s) found; docs/authoring-errors.md explains each message`)
  })
})

describe('npm run check as a process', () => {
  // The fixtures above call the same function the script runs; these prove
  // the script's own exit code and output, with no stack trace.
  it.each(['marker-bank-typo', 'fact-bad-one-no-cascade', 'utf16-bom'])('%s: exit 1, the message, no stack trace', (id) => {
    const root = copyProject()
    dirs.push(root)
    const expected = FIXTURES.find(f => f.id === id)!.apply(root)
    const r = spawnSync(process.execPath, [join(ROOT, 'node_modules/tsx/dist/cli.mjs'), join(ROOT, 'scripts/check.ts')], { cwd: root, encoding: 'utf8' })
    expect(r.status).toBe(1)
    for (const line of expected)
      expect(r.stderr).toContain(line)
    expect(r.stderr).not.toMatch(/^\s+at /m)
  }, 30_000)
})

describe('docs/authoring-errors.md', () => {
  // The messages quoted in the doc, without their `file:line field: ` (which
  // differ from copy to copy), with ids, numbers and quoted words blurred:
  // the wording must be the same.
  const strip = (m: string) => m.replace(/^\S+:\d+ (?:<!--.*?-->|<[^>]*>|\S+): /, '')
  const shape = (m: string) => strip(m).replace(/`[^`]*`/g, '`x`').replace(/"[^"]*"/g, '"x"').replace(/\d+/g, 'N')
  const text = readFileSync(join(ROOT, 'docs/authoring-errors.md'), 'utf8')
  const quoted = [...text.matchAll(/`` (.+?) ``|`([^`\n]+)`/g)].map(m => shape(m[1] ?? m[2]))

  it.each(FIXTURES)('gives the message of: $mistake', (f) => {
    const root = copyProject({ data: true })
    dirs.push(root)
    for (const line of f.apply(root))
      expect(quoted, line).toContain(shape(line))
  })
})
