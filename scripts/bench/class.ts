/**
 * The classroom server under a room's load: `npm run bench -- --class`
 * (alone), and the last part of a full `npm run bench`.
 *
 * Starts `npm run class`'s server (`node --import tsx scripts/class.ts
 * --local`) as a child process on a port in 4400–4499, with a fresh session
 * file under .bench/class/. 300 simulated phones each hold an event stream
 * open and answer from their own loopback address (`127.0.x.y`: Linux routes
 * all of 127.0.0.0/8 to loopback), so the per-address limits are met as a
 * real room meets them. The presenter opens one question; each phone answers
 * at a random moment within 10 seconds of hearing it open, and one phone in
 * ten changes its answer later in the window. Then a second round: the
 * question is reset and all 300 answer at the same instant.
 *
 * Reports the answer latency (request sent → response read) p50, p95, p99
 * and max, the time from the presenter's open to each phone hearing it, the
 * server's memory (RSS and heap from its stats endpoint, and its peak RSS
 * from /proc), and checks that the presenter's count equals the number of
 * phones and every option's count equals the phones that chose it.
 *
 * Budgets: p99 < 200 ms in the 10-second round, no answer lost, no error.
 */
import type { ChildProcess } from 'node:child_process'
import type { IncomingMessage } from 'node:http'
import { spawn } from 'node:child_process'
import { createWriteStream, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { Agent, request } from 'node:http'
import { join } from 'node:path'
import type { ClassBank } from '../../lib/class/bank.ts'
import type { Question } from '../../lib/quiz/schema.ts'
import { loadClassBank } from '../../lib/class/bank.ts'
import { loadAverage, machine, machineLine, waitForQuiet } from './machine.ts'
import { freePort } from './proc.ts'
import { formatBytes, markdownTable } from './report.ts'

export const CLASS_PHONES = 300
export const CLASS_WINDOW_MS = 10_000
export const CLASS_P99_BUDGET_MS = 200
export const CLASS_START = '<!-- bench:class:start -->'
export const CLASS_END = '<!-- bench:class:end -->'

/** The percentile `p` (0–100) of `xs`, nearest rank. NaN for an empty list. */
export function percentile(xs: readonly number[], p: number): number {
  const v = xs.filter(Number.isFinite).sort((a, b) => a - b)
  if (!v.length)
    return Number.NaN
  const rank = Math.ceil(p / 100 * v.length)
  return v[Math.min(v.length, Math.max(1, rank)) - 1]
}

/** The loopback address of phone `i` (0-based): 127.0.10.1 … 127.0.10.250, 127.0.11.1 … */
export function phoneAddress(i: number): string {
  return `127.0.${10 + Math.floor(i / 250)}.${1 + (i % 250)}`
}

/** Replace the class section of docs/benchmarks.md (or append one), keeping everything else. */
export function replaceClassSection(doc: string, body: string): string {
  const block = `${CLASS_START}\n${body.trim()}\n${CLASS_END}`
  const a = doc.indexOf(CLASS_START)
  const b = doc.indexOf(CLASS_END)
  if (a >= 0 && b > a)
    return `${doc.slice(0, a)}${block}${doc.slice(b + CLASS_END.length)}`
  return `${doc.trimEnd()}\n\n${block}\n`
}

export interface RoundResult {
  name: string
  /** Answer latencies in ms, every POST. */
  latencies: number[]
  /** HTTP status → how many. */
  statuses: Record<string, number>
  /** Errors (a refused connection, a status other than 200), at most 10 kept. */
  errors: string[]
  posts: number
  /** What the presenter counted, and what the phones sent. */
  answered: number
  expected: number
  /** Option counts as the presenter saw them, and as the phones chose. */
  counts: number[]
  expectedCounts: number[]
  /** ms from the presenter's open request to each phone hearing it (first round only). */
  notified: number[]
  wallMs: number
}

export interface ClassBenchResult {
  phones: number
  windowMs: number
  question: string
  rounds: RoundResult[]
  memory: { before: Stats, after: Stats, peakRssKiB: number }
  quiet: boolean
  loadStart: string
  loadEnd: string
  machine: string
  errors: string[]
}

interface Stats { rss: number, heapUsed: number, heapTotal: number, streams: { public: number, presenter: number } }

interface Reply { status: number, body: string }

function call(origin: string, method: string, path: string, opts: { body?: unknown, agent?: Agent, token?: string, localAddress?: string } = {}): Promise<Reply & { ms: number }> {
  const url = new URL(path, origin)
  const body = opts.body === undefined ? undefined : JSON.stringify(opts.body)
  const started = performance.now()
  return new Promise((resolve, reject) => {
    const req = request({
      host: url.hostname,
      port: url.port,
      path: url.pathname + url.search,
      method,
      agent: opts.agent ?? false,
      localAddress: opts.agent ? undefined : opts.localAddress,
      headers: {
        ...(body !== undefined ? { 'Content-Type': 'application/json', 'Content-Length': String(Buffer.byteLength(body)) } : {}),
        ...(opts.token ? { Authorization: `Bearer ${opts.token}` } : {}),
      },
    }, (res) => {
      let text = ''
      res.setEncoding('utf8')
      res.on('data', (c: string) => text += c)
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text, ms: performance.now() - started }))
      res.on('error', reject)
    })
    req.setTimeout(30_000, () => req.destroy(new Error('no answer within 30 s')))
    req.on('error', reject)
    req.end(body)
  })
}

/** A phone: its own address, a keep-alive connection for answers, and an event stream. */
interface Phone {
  device: string
  address: string
  agent: Agent
  /** Resolves with the time the phone heard the question open. */
  opened: Promise<number>
  close: () => void
}

function connectPhone(origin: string, i: number, question: string): Promise<Phone> {
  const address = phoneAddress(i)
  const device = `bench-phone-${String(i).padStart(6, '0')}-${Math.random().toString(36).slice(2, 10)}`
  const agent = new Agent({ keepAlive: true, maxSockets: 1, localAddress: address })
  return new Promise((resolve, reject) => {
    let heard: (t: number) => void
    const opened = new Promise<number>(r => heard = r)
    const req = request({ host: new URL(origin).hostname, port: new URL(origin).port, path: `/api/class/events?device=${device}`, agent: false, localAddress: address, headers: { Accept: 'text/event-stream' } }, (res: IncomingMessage) => {
      if (res.statusCode !== 200)
        return reject(new Error(`phone ${i}: event stream answered ${res.statusCode}`))
      let buf = ''
      res.setEncoding('utf8')
      res.on('data', (c: string) => {
        buf += c
        let end = buf.indexOf('\n\n')
        while (end >= 0) {
          const block = buf.slice(0, end)
          buf = buf.slice(end + 2)
          end = buf.indexOf('\n\n')
          const data = block.split('\n').find(l => l.startsWith('data: '))
          if (data && block.includes('event: state')) {
            const s = JSON.parse(data.slice(6)) as { phase: string, question: { id: string } | null }
            if (s.phase === 'open' && s.question?.id === question)
              heard(performance.now())
          }
        }
      })
      resolve({ device, address, agent, opened, close: () => { req.destroy(); agent.destroy() } })
    })
    req.on('error', reject)
    req.end()
  })
}

const sleep = (ms: number) => new Promise(r => setTimeout(r, ms))

/** Start the classroom server as `npm run class` does, on loopback; resolves once it answers. */
async function startServer(root: string, port: number, session: string, token: string, log: string): Promise<{ child: ChildProcess, origin: string }> {
  mkdirSync(join(root, '.bench', 'logs'), { recursive: true })
  const out = createWriteStream(log, { flags: 'a' })
  const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/class.ts', '--local', '--port', String(port), '--session', session, '--token', token, '--quiet'], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'], detached: true })
  child.stdout!.pipe(out)
  child.stderr!.pipe(out)
  const origin = `http://127.0.0.1:${port}`
  const deadline = Date.now() + 60_000
  for (;;) {
    if (child.exitCode !== null)
      throw new Error(`the classroom server exited (${child.exitCode}); see ${log}`)
    try {
      if ((await call(origin, 'GET', '/api/class/info')).status === 200)
        return { child, origin }
    }
    catch {}
    if (Date.now() > deadline)
      throw new Error(`the classroom server did not answer within 60 s; see ${log}`)
    await sleep(200)
  }
}

function stopServer(child: ChildProcess): Promise<void> {
  return new Promise((done) => {
    if (child.exitCode !== null || child.signalCode !== null)
      return done()
    const hard = setTimeout(() => {
      try {
        process.kill(-child.pid!, 'SIGKILL')
      }
      catch {}
    }, 5000)
    child.once('close', () => {
      clearTimeout(hard)
      done()
    })
    try {
      process.kill(-child.pid!, 'SIGINT')
    }
    catch {
      done()
    }
  })
}

function peakRssKiB(pid: number): number {
  try {
    const m = readFileSync(`/proc/${pid}/status`, 'utf8').match(/^VmHWM:\s+(\d+) kB/m)
    return m ? Number(m[1]) : Number.NaN
  }
  catch {
    return Number.NaN
  }
}

/**
 * The question the phones answer: one the presenter may open (a class
 * question when the bank marks some), single choice with most options
 * first, else true/false, whose counts read as one bar per choice.
 */
export function benchQuestion(bank: ClassBank): Extract<Question, { type: 'single' | 'truefalse' }> | undefined {
  const open = [...bank.questions.values()].filter(x => !bank.classIds || bank.classIds.has(x.id))
  const singles = open.filter(x => x.type === 'single').sort((a, b) => b.options.length - a.options.length)
  return singles[0] ?? open.find(x => x.type === 'truefalse') as Extract<Question, { type: 'truefalse' }> | undefined
}

/** Run the classroom benchmark. Everything it starts is stopped before it returns. */
export async function runClassBench(root: string, opts: { phones?: number, windowMs?: number, quietMs?: number, log?: (s: string) => void } = {}): Promise<ClassBenchResult> {
  const phones = opts.phones ?? CLASS_PHONES
  const windowMs = opts.windowMs ?? CLASS_WINDOW_MS
  const say = opts.log ?? (() => {})
  const dir = join(root, '.bench', 'class')
  rmSync(dir, { recursive: true, force: true })
  mkdirSync(dir, { recursive: true })
  const session = join(dir, 'session.jsonl')
  const token = `bench-${Math.random().toString(36).slice(2)}-token`
  const errors: string[] = []

  const q = benchQuestion(loadClassBank(root))
  if (!q)
    throw new Error('the bank has no class question of type single or truefalse to ask')
  const nOptions = q.type === 'single' ? q.options.length : 2
  /** Choice k as the phone sends it: an option index, or True (0) / False (1). */
  const response = (k: number) => q.type === 'single' ? k : k === 0

  const loadStart = loadAverage()
  // Like the deck measurements: wait (5 min at most) until no other build or test shares the 2 cores.
  const waited = await waitForQuiet(opts.quietMs ?? 5 * 60_000)
  if (waited.waitedMs > 10_000)
    say(`class: waited ${(waited.waitedMs / 1000).toFixed(0)} s for other work to end`)
  const quiet = waited.quiet
  const port = await freePort(4450)
  const { child, origin } = await startServer(root, port, session, token, join(root, '.bench', 'logs', 'class-server.log'))
  const exitGuard = () => {
    try {
      process.kill(-child.pid!, 'SIGKILL')
    }
    catch {}
  }
  process.on('exit', exitGuard)
  const connected: Phone[] = []
  try {
    const stats = async () => JSON.parse((await call(origin, 'GET', '/api/class/presenter/stats', { token })).body) as Stats
    say(`class: server on ${origin} (pid ${child.pid}); connecting ${phones} phones, each from its own 127.0.x.y`)
    for (let i = 0; i < phones; i += 50)
      connected.push(...await Promise.all(Array.from({ length: Math.min(50, phones - i) }, (_, k) => connectPhone(origin, i + k, q.id))))
    await sleep(500)
    const before = await stats()

    const rounds: RoundResult[] = []
    const runRound = async (name: string, spread: boolean): Promise<RoundResult> => {
      const latencies: number[] = []
      const statuses: Record<string, number> = {}
      const roundErrors: string[] = []
      const final: number[] = Array.from({ length: phones }, () => 0)
      const post = async (p: Phone, choice: number) => {
        try {
          const r = await call(origin, 'POST', '/api/class/answer', { agent: p.agent, body: { question: q.id, device: p.device, response: response(choice) } })
          latencies.push(r.ms)
          statuses[r.status] = (statuses[r.status] ?? 0) + 1
          if (r.status !== 200 && roundErrors.length < 10)
            roundErrors.push(`${p.address}: ${r.status} ${r.body.slice(0, 120)}`)
        }
        catch (e) {
          statuses.error = (statuses.error ?? 0) + 1
          if (roundErrors.length < 10)
            roundErrors.push(`${p.address}: ${(e as Error).message}`)
        }
      }
      const started = performance.now()
      // Phones may hear the open before the presenter reads the reply: time it from the request.
      const openedAt = performance.now()
      const open = await call(origin, 'POST', spread ? '/api/class/presenter/open' : '/api/class/presenter/reset', { token, body: { question: q.id } })
      if (open.status !== 200)
        throw new Error(`presenter ${spread ? 'open' : 'reset'} answered ${open.status}: ${open.body}`)
      let notified: number[] = []
      const tasks = connected.map(async (p, i) => {
        if (spread) {
          const heard = await Promise.race([p.opened, sleep(windowMs).then(() => Number.NaN)])
          notified.push(heard - openedAt)
          if (!Number.isFinite(heard))
            return
          // Each answers within the window after the open; one in ten changes its answer later in it.
          const first = Math.random() * windowMs * 0.8
          final[i] = Math.floor(Math.random() * nOptions)
          await sleep(Math.max(0, openedAt + first - performance.now()))
          await post(p, final[i])
          if (i % 10 === 0) {
            await sleep(Math.random() * (windowMs - first) * 0.9)
            final[i] = (final[i] + 1) % nOptions
            await post(p, final[i])
          }
        }
        else {
          final[i] = i % nOptions
          await post(p, final[i])
        }
      })
      await Promise.all(tasks)
      if (!spread)
        notified = []
      const wallMs = performance.now() - started
      const tally = JSON.parse((await call(origin, 'GET', `/api/class/presenter/tally/${q.id}`, { token })).body) as { answered: number, choices: { count: number }[] }
      const expectedCounts = Array.from({ length: nOptions }, (_, k) => final.filter(c => c === k).length)
      return { name, latencies, statuses, errors: roundErrors, posts: latencies.length + (statuses.error ?? 0), answered: tally.answered, expected: phones, counts: tally.choices.map(c => c.count), expectedCounts, notified, wallMs }
    }
    rounds.push(await runRound(`${phones} phones within ${windowMs / 1000} s`, true))
    say(`class: round 1: ${rounds[0].posts} answers, p99 ${percentile(rounds[0].latencies, 99).toFixed(1)} ms, counted ${rounds[0].answered}/${phones}`)
    rounds.push(await runRound(`${phones} phones at the same instant`, false))
    say(`class: round 2: ${rounds[1].posts} answers, p99 ${percentile(rounds[1].latencies, 99).toFixed(1)} ms, counted ${rounds[1].answered}/${phones}`)
    const after = await stats()
    const peak = peakRssKiB(child.pid!)
    return { phones, windowMs, question: q.id, rounds, memory: { before, after, peakRssKiB: peak }, quiet, loadStart, loadEnd: loadAverage(), machine: machineLine(machine('no browser')), errors }
  }
  finally {
    for (const p of connected) p.close()
    await stopServer(child)
    process.off('exit', exitGuard)
  }
}

export interface ClassBudget { name: string, pass: boolean, detail: string }

export function classBudgets(r: ClassBenchResult): ClassBudget[] {
  const spread = r.rounds[0]
  const p99 = percentile(spread.latencies, 99)
  const lost = r.rounds.map(x => x.expected - x.answered)
  const countsRight = r.rounds.every(x => x.counts.length === x.expectedCounts.length && x.counts.every((c, i) => c === x.expectedCounts[i]))
  const failed = r.rounds.reduce((s, x) => s + x.posts - (x.statuses['200'] ?? 0), 0)
  return [
    { name: `answer p99 < ${CLASS_P99_BUDGET_MS} ms (${r.phones} phones within ${r.windowMs / 1000} s)`, pass: Number.isFinite(p99) && p99 < CLASS_P99_BUDGET_MS, detail: `${p99.toFixed(1)} ms` },
    { name: 'no answer lost: the presenter counts every phone, each option right', pass: lost.every(l => l === 0) && countsRight, detail: r.rounds.map(x => `${x.answered}/${x.expected}`).join(', ') + (countsRight ? ', option counts equal the phones’ choices' : ', option counts differ from the phones’ choices') },
    { name: 'every answer accepted (no 429, no error)', pass: failed === 0, detail: failed ? `${failed} refused or failed` : `${r.rounds.reduce((s, x) => s + x.posts, 0)} of ${r.rounds.reduce((s, x) => s + x.posts, 0)}` },
  ]
}

const ms = (n: number) => Number.isFinite(n) ? `${n.toFixed(1)} ms` : 'n/a'

/** The Markdown section for docs/benchmarks.md. */
export function classSection(r: ClassBenchResult, budgets: ClassBudget[]): string {
  const rows = r.rounds.map(x => [
    x.name,
    String(x.posts),
    ms(percentile(x.latencies, 50)),
    ms(percentile(x.latencies, 95)),
    ms(percentile(x.latencies, 99)),
    ms(Math.max(...x.latencies)),
    `${x.answered} / ${x.expected}`,
    Object.entries(x.statuses).map(([k, v]) => `${k}: ${v}`).join(', '),
  ])
  const m = r.memory
  return `## Classroom server (\`npm run bench -- --class\`)

Last run: ${r.machine.replace(' · no browser', '')}. Load average at start ${r.loadStart}, at end ${r.loadEnd}${r.quiet ? '' : '; the machine was busy with other work when the run started'}.

${r.phones} simulated phones, each with an open event stream and its own loopback address (127.0.10.1 …), against \`scripts/class.ts --local\` in its own process, answering \`${r.question}\`. Round 1: the presenter opens the question; each phone answers at a random moment within ${r.windowMs / 1000} s of hearing it open, and one phone in ten changes its answer later in the window. Round 2: the question is reset and every phone answers at once. Latency is from the request sent to the response read, on keep-alive connections, client and server sharing the machine's 2 cores.

${markdownTable(['round', 'answers sent', 'p50', 'p95', 'p99', 'max', 'presenter count / phones', 'HTTP statuses'], rows, ['l', 'r', 'r', 'r', 'r', 'r', 'r', 'l'])}

Presenter's open → phone hears it (event stream), round 1: p50 ${ms(percentile(r.rounds[0].notified, 50))}, p99 ${ms(percentile(r.rounds[0].notified, 99))}, max ${ms(Math.max(...r.rounds[0].notified))}.
Server memory with ${m.before.streams.public} phone streams open, before answers: RSS ${formatBytes(m.before.rss)}, heap ${formatBytes(m.before.heapUsed)} used of ${formatBytes(m.before.heapTotal)}; after both rounds: RSS ${formatBytes(m.after.rss)}, heap ${formatBytes(m.after.heapUsed)} of ${formatBytes(m.after.heapTotal)}; peak RSS ${Number.isFinite(m.peakRssKiB) ? formatBytes(m.peakRssKiB * 1024) : 'n/a'}.

${budgets.map(b => `- ${b.pass ? '✔' : '✘'} ${b.name}: ${b.detail}`).join('\n')}
${r.rounds.some(x => x.errors.length) ? `\nErrors: ${r.rounds.flatMap(x => x.errors).join('; ')}\n` : ''}`
}

/**
 * Run, write the section of docs/benchmarks.md and .bench/class-results.json,
 * print the figures; resolves to whether every budget was met.
 */
export async function classBenchMain(root: string, doc: string): Promise<boolean> {
  let result: ClassBenchResult
  try {
    result = await runClassBench(root, { log: s => console.log(`bench: ${s}`) })
  }
  catch (e) {
    console.error(`bench: classroom server: ${(e as Error).message}`)
    return false
  }
  const budgets = classBudgets(result)
  const section = classSection(result, budgets)
  const text = existsSync(doc) ? readFileSync(doc, 'utf8') : '# Benchmarks\n'
  writeFileSync(doc, replaceClassSection(text, section))
  writeFileSync(join(root, '.bench', 'class-results.json'), JSON.stringify({ ...result, budgets }, null, 2))
  console.log(`\n${section}`)
  for (const b of budgets)
    console.log(`${b.pass ? 'ok  ' : 'FAIL'} ${b.name}: ${b.detail}`)
  return budgets.every(b => b.pass)
}
