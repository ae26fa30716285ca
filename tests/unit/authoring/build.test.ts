/**
 * Every page-level authoring mistake (and a sample of the data-level ones)
 * stops `slidev build` with the same message as `npm run check`: exit 1,
 * no stack trace, nothing written. Slidev used to swallow the preparser's
 * error and build the deck without the page.
 *
 * Each build stops while Slidev parses the slides, before Vite starts, so a
 * failing build takes seconds: one real build per fixture, two at a time.
 */
import { spawn } from 'node:child_process'
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { FIXTURES } from './fixtures.ts'
import { copyProject, dispose, ROOT } from './project.ts'

const SLIDEV = join(ROOT, 'node_modules/@slidev/cli/bin/slidev.mjs')
const dirs: string[] = []
afterAll(() => dirs.forEach(dispose))

function build(root: string): Promise<{ code: number | null, stdout: string, stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [SLIDEV, 'build', '--base', './'], { cwd: root, env: { ...process.env, FORCE_COLOR: '0', NO_COLOR: '1' } })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (d: Buffer) => (stdout += d))
    child.stderr.on('data', (d: Buffer) => (stderr += d))
    child.on('close', code => resolve({ code, stdout, stderr }))
  })
}

/** Data-level mistakes built too, one per kind of file; they stop the build the same way. */
const DATA_SAMPLE = ['fact-bad-one-no-cascade', 'refs-empty', 'vertical-tab', 'utf16-bom', 'bank-name-space', 'bank-unused']
const PAGE = FIXTURES.filter(f => f.level === 'page')
const DATA = FIXTURES.filter(f => DATA_SAMPLE.includes(f.id))

/**
 * Builds are grouped, as few as honestly possible: the two mistakes of the
 * issue each alone (so each alone is seen to stop a build), then every
 * page-level mistake in one copy, and the data sample in another. Each
 * group's build must print every mistake's exact message, and exactly as
 * many problems as there are expected lines (no cascade), then exit 1.
 */
const GROUPS: { name: string, fixtures: typeof FIXTURES }[] = [
  { name: 'a misspelt quiz marker alone', fixtures: PAGE.filter(f => f.id === 'marker-bank-typo') },
  { name: 'a <Quiz> question past the bank alone', fixtures: PAGE.filter(f => f.id === 'quiz-question-range') },
  { name: `every page-level mistake (${PAGE.map(f => f.id).join(', ')})`, fixtures: PAGE },
  { name: `a data mistake in each kind of file (${DATA.map(f => f.id).join(', ')})`, fixtures: DATA },
]

describe.concurrent('slidev build stops on authoring mistakes', () => {
  it.each(GROUPS)('$name', async ({ fixtures }) => {
    const root = copyProject()
    dirs.push(root)
    const expected = fixtures.flatMap(f => f.apply(root))
    const r = await build(root)
    expect(r.code, r.stderr).toBe(1)
    const printed = r.stderr.split('\n')
    for (const line of expected)
      expect(printed).toContain(line)
    expect(r.stderr).toContain(`The kit has ${expected.length} authoring problem${expected.length === 1 ? '' : 's'}`)
    expect(r.stderr).toContain('Build stopped: nothing was written.')
    expect(`${r.stdout}\n${r.stderr}`).not.toMatch(/^\s+at .+:\d+:\d+\)?$/m) // no stack trace
    expect(existsSync(join(root, 'dist'))).toBe(false)
  }, 90_000)
})
