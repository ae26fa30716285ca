/**
 * `npm run check` end to end: for each fixture in tests/unit/fixtures/check,
 * copy the kit's data to a temporary folder, break it as the fixture says,
 * run scripts/check.ts there, and assert a non-zero exit and the exact
 * `file:line field: message` line. The unbroken copy must pass.
 */
import { spawnSync } from 'node:child_process'
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parse } from 'yaml'
import { afterAll, describe, expect, it } from 'vitest'

const ROOT = join(import.meta.dirname, '..', '..')
const FIXTURES = join(import.meta.dirname, 'fixtures', 'check')
const TSX = join(ROOT, 'node_modules', '.bin', 'tsx')
const CHECK = join(ROOT, 'scripts', 'check.ts')

interface CheckCase {
  case: string
  file: string
  find: string
  replace: string
  line_of: string
  line_offset?: number
  entry?: string
  expect: string
}

/** Each run starts tsx and loads the whole kit: seconds, more on a busy machine. */
const SLOW = { timeout: 120_000 }

const made: string[] = []
afterAll(() => made.forEach(d => rmSync(d, { recursive: true, force: true })))

/** A copy of the data `npm run check` reads, in a fresh temporary folder. */
function copyOfKit(): string {
  const dir = mkdtempSync(join(tmpdir(), 'kit-check-'))
  made.push(dir)
  for (const d of ['sources', 'quizzes', 'pages'])
    cpSync(join(ROOT, d), join(dir, d), { recursive: true })
  return dir
}

function runCheck(cwd: string) {
  const r = spawnSync(TSX, [CHECK], { cwd, encoding: 'utf8', timeout: 60_000 })
  return { status: r.status, stdout: r.stdout, stderr: r.stderr }
}

/** The 1-based line where `needle` starts in `text`. */
function lineOf(text: string, needle: string): number {
  const at = text.indexOf(needle)
  if (at < 0)
    throw new Error(`“${needle}” is not in the edited file`)
  return text.slice(0, at).split('\n').length
}

const cases = readdirSync(FIXTURES).filter(f => f.endsWith('.yaml')).sort()
  .map(f => ({ name: f, fixture: parse(readFileSync(join(FIXTURES, f), 'utf8')) as CheckCase }))

describe('npm run check', () => {
  it('passes on the kit as it is', SLOW, () => {
    const r = runCheck(copyOfKit())
    expect(r.stderr).toBe('')
    expect(r.status).toBe(0)
    expect(r.stdout).toMatch(/check: OK\n$/)
  })

  it('has the five cases the issue asks for', () => {
    expect(cases.map(c => c.name[0])).toEqual(expect.arrayContaining(['a', 'b', 'c', 'd', 'e']))
  })

  for (const { name, fixture: c } of cases) {
    it(`fails, with file:line field: message, on ${c.case} (${name})`, SLOW, () => {
      const dir = copyOfKit()
      const path = join(dir, c.file)
      const before = readFileSync(path, 'utf8')
      expect(before.split(c.find).length - 1, `“find” of ${name} occurs once in ${c.file}`).toBe(1)
      const after = before.replace(c.find, c.replace)
      writeFileSync(path, after)

      const line = lineOf(after, c.line_of) + (c.line_offset ?? 0)
      const entryRe = c.entry ? new RegExp(c.entry) : undefined
      const index = entryRe ? after.split('\n').slice(0, line).filter(l => entryRe.test(l)).length - 1 : 0
      const expected = c.expect.replace('{line}', String(line)).replace('{index}', String(index))

      const r = runCheck(dir)
      expect(r.status).toBe(1)
      expect(r.stderr.split('\n')).toContain(expected)
    })
  }
})
