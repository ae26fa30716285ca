/**
 * `npm run class` as a lecturer meets it: what it prints when it starts,
 * and one clear line, with no stack trace, when a flag is wrong or the
 * port is taken. Runs scripts/class.ts in a child process.
 */
import { spawn } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { createServer } from 'node:net'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { loadClassBank } from '../../lib/class/bank.ts'
import { questionHash } from '../../lib/quiz/progress.ts'

const root = resolve(import.meta.dirname, '../..')
const dir = mkdtempSync(join(tmpdir(), 'kit-class-cli-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

interface Run { code: number | null, stdout: string, stderr: string }

/** Run the CLI; with `until`, stop it as Ctrl+C in a terminal does (SIGINT to its process group) once stdout matches. */
function run(args: string[], until?: RegExp): Promise<Run> {
  return new Promise((done) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/class.ts', ...args], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'], detached: true })
    let stdout = ''
    let stderr = ''
    const group = (sig: NodeJS.Signals) => {
      try {
        process.kill(-child.pid!, sig)
      }
      catch {}
    }
    const kill = setTimeout(() => group('SIGKILL'), 30_000)
    let sent = false
    child.stdout.on('data', (b) => {
      stdout += b
      if (until?.test(stdout) && !sent) {
        sent = true
        group('SIGINT')
      }
    })
    child.stderr.on('data', b => stderr += b)
    child.on('close', (code) => {
      clearTimeout(kill)
      done({ code, stdout, stderr })
    })
  })
}

const noStack = (text: string) => expect(text).not.toMatch(/^\s+at /m)

describe('npm run class', () => {
  it.concurrent('starts, prints the join and presenter URLs, and writes the CSV when stopped', async () => {
    const session = join(dir, 'ok', 'session.jsonl')
    const r = await run(['--local', '--port', '0', '--session', session, '--quiet', '--deck', 'no-such-dir-but-checked'], /Ctrl\+C/)
    // --deck pointing nowhere is refused before anything starts.
    expect(r.code).toBe(1)
    expect(r.stderr.trim()).toBe('class: --deck no-such-dir-but-checked: no index.html there; build the deck first')
    const ok = await run(['--local', '--port', '0', '--session', session, '--quiet'], /Ctrl\+C/)
    expect(ok.code).toBe(0)
    expect(ok.stdout).toMatch(/Classroom server on http:\/\/127\.0\.0\.1:\d+ {2}\(local only: phones cannot reach it\)/)
    expect(ok.stdout).toMatch(/Students join: {2}http:\/\/127\.0\.0\.1:\d+\//)
    const token = readFileSync(`${session}.token`, 'utf8').trim()
    expect(ok.stdout).toContain(`/deck/?token=${token}#/presenter/1`)
    expect(ok.stdout).toMatch(/Session file: {3}.*session\.jsonl \(new\)/)
    expect(ok.stdout).toMatch(/wrote .*session\.csv/)
    expect(existsSync(join(dir, 'ok', 'session.csv'))).toBe(true)
    // The same session again: resumed, same presenter token.
    const again = await run(['--local', '--port', '0', '--session', session, '--quiet'], /Ctrl\+C/)
    expect(again.stdout).toMatch(/\(resumed: earlier answers kept\)/)
    expect(again.stdout).toContain(`token=${token}`)
    // --export writes the CSV from the session file alone, without serving or writing to it.
    const before = readFileSync(session, 'utf8')
    rmSync(join(dir, 'ok', 'session.csv'))
    const exported = await run(['--export', '--session', session])
    expect(exported.code).toBe(0)
    expect(exported.stdout).toMatch(/class: wrote .*session\.csv \(0 question\(s\) with answers\)/)
    expect(readFileSync(join(dir, 'ok', 'session.csv'), 'utf8')).toBe('\uFEFFquestion,stem,choice,count,correct\r\n')
    expect(readFileSync(session, 'utf8')).toBe(before)
    expect((await run(['--export', '--session', join(dir, 'none.jsonl')])).stderr.trim()).toMatch(/^class: no session file .*none\.jsonl; name one with --session$/)
  }, 90_000)

  it.concurrent('--export: the CSV of a session file with answers, named by the real bank', async () => {
    const bank = loadClassBank(root)
    const q = [...bank.questions.values()].find(x => x.type === 'single')!
    const file = join(dir, 'export', 'session.jsonl')
    mkdirSync(join(dir, 'export'))
    const lines = [
      { t: 'session', v: 1, salt: 'saltsaltsalt', started: '2026-01-01T00:00:00Z' },
      { t: 'open', q: q.id, h: questionHash(q) },
      { t: 'answer', q: q.id, k: 'a'.repeat(32), r: 0 },
      { t: 'answer', q: q.id, k: 'b'.repeat(32), r: 1 },
      { t: 'answer', q: q.id, k: 'a'.repeat(32), r: 1 },
    ]
    writeFileSync(file, lines.map(l => JSON.stringify(l)).join('\n') + '\n')
    const r = await run(['--export', '--session', file])
    expect(r.code).toBe(0)
    const rows = readFileSync(join(dir, 'export', 'session.csv'), 'utf8').split('\r\n')
    expect(rows).toHaveLength(1 + q.options.length + 2 + 1)
    expect(rows.find(l => l.includes('(answered)'))?.endsWith(',2,')).toBe(true)
    expect(rows[2].startsWith(`${q.id},`)).toBe(true)
    expect(rows[2].split(',').at(-2)).toBe('2')
  }, 60_000)

  it.concurrent('prints the QR code of the join URL in the terminal', async () => {
    const r = await run(['--local', '--port', '0', '--session', join(dir, 'qr', 's.jsonl')], /Ctrl\+C/)
    expect(r.code).toBe(0)
    expect(r.stdout).toMatch(/▄▄▄▄▄▄▄/)
  }, 60_000)

  it.concurrent('a taken port: one line saying what to do', async () => {
    const blocker = createServer()
    await new Promise<void>(ok => blocker.listen(0, '127.0.0.1', ok))
    const port = (blocker.address() as AddressInfo).port
    const r = await run(['--local', '--port', String(port), '--session', join(dir, 'taken', 's.jsonl')])
    blocker.close()
    expect(r.code).toBe(1)
    expect(r.stderr.trim()).toBe(`class: port ${port} is already in use on 127.0.0.1. Stop the other server, or pass another port: npm run class -- --port ${port + 1}`)
    noStack(r.stderr)
  }, 60_000)

  it.concurrent('bad flags: one line and the usage, no stack trace', async () => {
    const unknown = await run(['--bogus'])
    expect(unknown.code).toBe(1)
    expect(unknown.stderr.split('\n')[0]).toMatch(/^class: Unknown option '--bogus'/)
    expect(unknown.stderr).toContain('usage: npm run class')
    noStack(unknown.stderr)
    const port = await run(['--port', 'eighty'])
    expect(port.stderr.trim()).toBe('class: --port must be a whole number from 0 to 65535, not “eighty”')
    const token = await run(['--token', 'short'])
    expect(token.stderr.trim()).toMatch(/^class: --token must be 12 to 128 letters/)
    const both = await run(['--local', '--host', '127.0.0.1'])
    expect(both.stderr.trim()).toBe('class: give --local or --host, not both')
    const nohost = await run(['--host', '10.255.255.254', '--port', '0', '--session', join(dir, 'nohost', 's.jsonl')])
    expect(nohost.code).toBe(1)
    expect(nohost.stderr).toMatch(/^class: this computer has no address 10\.255\.255\.254\./)
    noStack(nohost.stderr)
  }, 90_000)
})
