/**
 * The tools agree: check, export:quiz and coverage:facts read the kit
 * through one function (lib/content.ts readKit, listBanks), so a bank one
 * counts is never silently left out by another. export:quiz removes only
 * files it wrote itself, and says so. The preview server explains, in one
 * line, why it cannot start.
 */
import { spawn, spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { createServer } from 'node:net'
import type { AddressInfo } from 'node:net'
import { join } from 'node:path'
import { afterAll, describe, expect, it, vi } from 'vitest'
import { listBanks } from '../../../lib/content.ts'
import { check } from '../../../scripts/check.ts'
import { main as coverage } from '../../../scripts/coverage-facts.ts'
import { exportQuiz } from '../../../scripts/export-quiz.ts'
import { FIXTURES } from './fixtures.ts'
import { copyProject, dispose, edit, ROOT } from './project.ts'

const dirs: string[] = []
afterAll(() => dirs.forEach(dispose))
const copy = () => {
  const d = copyProject({ data: true })
  dirs.push(d)
  return d
}

describe('one list of banks', () => {
  it('lists every bank of the kit, and nothing else in quizzes/', () => {
    const { banks, issues } = listBanks(ROOT)
    expect(issues).toEqual([])
    expect(banks.map(b => b.file)).toEqual(readdirSync(join(ROOT, 'quizzes')).filter(f => /^\d\d-.*\.yaml$/.test(f)).sort().map(f => `quizzes/${f}`))
  })

  it.each(['bank-yml', 'bank-name-space', 'bank-unused'])('%s: check, export:quiz and coverage:facts all refuse it with the same message', async (id) => {
    const root = copy()
    const [message] = FIXTURES.find(f => f.id === id)!.apply(root)
    const out = (sink: string[]) => (l: string) => sink.push(l)

    const checked: string[] = []
    expect(check(root, { log: () => {}, error: out(checked) })).toBe(1)
    expect(checked).toContain(message)

    const exported: string[] = []
    expect(await exportQuiz(root, () => {}, out(exported))).toBe(1)
    expect(exported).toContain(message)
    expect(existsSync(join(root, 'exports'))).toBe(false)

    const errors: string[] = []
    vi.spyOn(console, 'error').mockImplementation(l => void errors.push(String(l)))
    vi.spyOn(console, 'log').mockImplementation(() => {})
    expect(coverage(root)).toBe(1)
    vi.restoreAllMocks()
    expect(errors).toContain(message)
  })
})

describe('export:quiz removes only what it wrote', () => {
  it('removes the GIFT file of a bank it exported before and that is gone, names it, and leaves other files alone', async () => {
    const root = copy()
    const log: string[] = []
    expect(await exportQuiz(root, l => log.push(l), l => log.push(l))).toBe(0)
    expect(existsSync(join(root, 'exports/gift/09-critical-reading.gift'))).toBe(true)
    writeFileSync(join(root, 'exports/gift/my-own-questions.gift'), '// a teacher\'s own file\n')

    // Module 9's quiz is dropped: its bank file and the marker that included it.
    rmSync(join(root, 'quizzes/09-critical-reading.yaml'))
    edit(root, 'pages/09-critical-reading.md', '<!-- kit:quiz 09-critical-reading -->', '')
    log.length = 0
    expect(await exportQuiz(root, l => log.push(l), l => log.push(l))).toBe(0)
    expect(log).toContain('removed exports/gift/09-critical-reading.gift: export:quiz wrote it last time, and its bank is gone')
    expect(log).toContain('note: exports/gift/my-own-questions.gift was not written by export:quiz, so it was left as it is')
    expect(existsSync(join(root, 'exports/gift/09-critical-reading.gift'))).toBe(false)
    expect(existsSync(join(root, 'exports/gift/my-own-questions.gift'))).toBe(true)
  })

  it('never removes a file its manifest does not list, even a stale-looking .gift', async () => {
    const root = copy()
    mkdirSync(join(root, 'exports/gift'), { recursive: true })
    writeFileSync(join(root, 'exports/gift/99-old.gift'), '// from before\n')
    const log: string[] = []
    expect(await exportQuiz(root, l => log.push(l), l => log.push(l))).toBe(0)
    expect(existsSync(join(root, 'exports/gift/99-old.gift'))).toBe(true)
    expect(log.filter(l => l.startsWith('removed'))).toEqual([])
  })
})

describe('npm run preview explains why it cannot start, in one line', () => {
  const serve = (args: string[], cwd = ROOT) => spawnSync(process.execPath, [join(ROOT, 'node_modules/tsx/dist/cli.mjs'), join(ROOT, 'scripts/serve.ts'), ...args], { cwd, encoding: 'utf8', timeout: 20_000 })
  const oneLine = (r: { status: number | null, stdout: string, stderr: string }, text: string) => {
    expect(r.status).toBe(1)
    expect(r.stderr.trim().split('\n')).toEqual([text])
    expect(r.stdout).toBe('')
  }

  it('with --port abc', () => {
    oneLine(serve(['--port', 'abc']), 'serve: --port must be a whole number from 1 to 65535, not `abc`')
  })

  it('with no dist/', () => {
    const root = copy()
    oneLine(serve(['--base', '/'], root), 'serve: there is no built deck in dist/ (no dist/index.html): run `npm run build` first')
  })

  it('with the port taken', async () => {
    const root = copy()
    mkdirSync(join(root, 'dist'))
    writeFileSync(join(root, 'dist/index.html'), '<!doctype html>')
    const taken = createServer()
    const port = await new Promise<number>(resolve => taken.listen(0, '127.0.0.1', () => resolve((taken.address() as AddressInfo).port)))
    try {
      const r = await new Promise<{ status: number | null, stdout: string, stderr: string }>((resolve) => {
        const c = spawn(process.execPath, [join(ROOT, 'node_modules/tsx/dist/cli.mjs'), join(ROOT, 'scripts/serve.ts'), '--base', '/', '--port', String(port)], { cwd: root })
        let stdout = ''
        let stderr = ''
        c.stdout.on('data', (d: Buffer) => (stdout += d))
        c.stderr.on('data', (d: Buffer) => (stderr += d))
        c.on('close', status => resolve({ status, stdout, stderr }))
      })
      oneLine(r, `serve: port ${port} is already in use (is \`npm run preview\` running in another terminal?); stop that, or choose another port: \`npm run preview -- --port ${port + 1}\``)
    }
    finally {
      taken.close()
    }
  })

  it('with an unknown option', () => {
    oneLine(serve(['--prot', '4000']), 'serve: Unknown option \'--prot\' (options: --port N, --base /path/, --dir folder, --gzip)')
  })
})
