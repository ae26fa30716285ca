/**
 * Child processes for the benchmark and the audit: timed commands with a
 * hard time limit, the kit's static server on a port in 4400–4499, and
 * cleanup of everything started here (by process group id, never by name).
 */
import { type ChildProcess, spawn } from 'node:child_process'
import { createWriteStream, mkdirSync } from 'node:fs'
import { createServer } from 'node:net'
import { dirname, resolve } from 'node:path'
import { parseTimes } from './report.ts'

export const PORT_MIN = 4400
export const PORT_MAX = 4499

const children = new Set<ChildProcess>()

function killGroup(child: ChildProcess, signal: NodeJS.Signals, evenIfExited = false) {
  if (child.pid === undefined || (!evenIfExited && (child.exitCode !== null || child.signalCode !== null)))
    return
  try {
    process.kill(-child.pid, signal)
  }
  catch {
    if (!evenIfExited) {
      try {
        child.kill(signal)
      }
      catch {}
    }
  }
}

/** End every process group started here (servers, builds, exports). */
export function killAll() {
  for (const c of children)
    killGroup(c, 'SIGKILL')
  children.clear()
}
process.on('exit', killAll)
for (const sig of ['SIGINT', 'SIGTERM'] as const) {
  process.on(sig, () => {
    killAll()
    process.exit(130)
  })
}

export interface RunResult {
  ms: number
  /** CPU time (user + sys) of the command and everything it waited for, in ms. */
  cpuMs: number
  code: number | null
  /** Tail of stdout + stderr, for error messages. */
  tail: string
}


/**
 * Run a command in its own process group, time it, and kill the group when it
 * exceeds `timeoutMs`. Output goes to `log` (appended) and its tail is kept.
 */
export function run(cmd: string, args: string[], opts: { cwd: string, timeoutMs: number, log: string, env?: NodeJS.ProcessEnv }): Promise<RunResult> {
  mkdirSync(dirname(opts.log), { recursive: true })
  const out = createWriteStream(opts.log, { flags: 'a' })
  out.write(`\n$ (cd ${opts.cwd} && ${cmd} ${args.join(' ')})\n`)
  return new Promise((done) => {
    const started = performance.now()
    // Through bash, whose `times` then reports the CPU time of the command's whole process tree.
    const child = spawn('bash', ['-c', '"$@"; rc=$?; times >&2; exit $rc', 'bash', cmd, ...args], { cwd: opts.cwd, env: { ...process.env, ...opts.env }, stdio: ['ignore', 'pipe', 'pipe'], detached: true })
    children.add(child)
    let tail = ''
    const keep = (b: Buffer) => {
      out.write(b)
      tail = (tail + b.toString()).slice(-4000)
    }
    child.stdout!.on('data', keep)
    child.stderr!.on('data', keep)
    const timer = setTimeout(() => {
      keep(Buffer.from(`\n[bench] time limit of ${opts.timeoutMs} ms reached: killing the process group\n`))
      killGroup(child, 'SIGKILL')
    }, opts.timeoutMs)
    child.on('close', (code) => {
      clearTimeout(timer)
      children.delete(child)
      // Anything the command left in its group (a stray server) goes too.
      killGroup(child, 'SIGKILL', true)
      out.end()
      done({ ms: performance.now() - started, cpuMs: parseTimes(tail), code, tail })
    })
  })
}

/** Whether 127.0.0.1:port can be bound now. */
export function portFree(port: number): Promise<boolean> {
  return new Promise((ok) => {
    const s = createServer()
    s.once('error', () => ok(false))
    s.listen(port, '127.0.0.1', () => s.close(() => ok(true)))
  })
}

/** First free port in 4400–4499 at or after `from`, skipping `avoid`. */
export async function freePort(from = PORT_MIN, avoid: readonly number[] = []): Promise<number> {
  for (let p = Math.max(from, PORT_MIN); p <= PORT_MAX; p++) {
    if (!avoid.includes(p) && await portFree(p))
      return p
  }
  throw new Error(`no free port in ${PORT_MIN}–${PORT_MAX}`)
}

export interface Served {
  url: string
  port: number
  pid: number
  /** False once the server process has exited (or was ended by someone else). */
  alive: () => boolean
  stop: () => Promise<void>
}

/**
 * Serve a built deck with the kit's own static server (`scripts/serve.ts`),
 * under `base`, and wait until it answers. It reads the file list when it
 * starts, so start a new one after every rebuild.
 */
export async function serve(root: string, dir: string, base: string, port: number, log: string, extra: readonly string[] = []): Promise<Served> {
  mkdirSync(dirname(log), { recursive: true })
  const out = createWriteStream(log, { flags: 'a' })
  const child = spawn('npx', ['tsx', 'scripts/serve.ts', '--dir', resolve(dir), '--base', base, '--port', String(port), ...extra], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'], detached: true })
  children.add(child)
  child.stdout!.pipe(out)
  child.stderr!.pipe(out)
  const url = `http://127.0.0.1:${port}${base}`
  const deadline = Date.now() + 30_000
  for (;;) {
    if (child.exitCode !== null)
      throw new Error(`the static server on port ${port} exited (${child.exitCode}); see ${log}`)
    try {
      const r = await fetch(url, { signal: AbortSignal.timeout(2000) })
      if (r.ok)
        break
    }
    catch {}
    if (Date.now() > deadline) {
      killGroup(child, 'SIGKILL')
      throw new Error(`the static server on port ${port} did not answer within 30 s; see ${log}`)
    }
    await new Promise(r => setTimeout(r, 200))
  }
  return {
    url,
    port,
    pid: child.pid ?? 0,
    alive: () => child.exitCode === null && child.signalCode === null,
    stop: () => new Promise<void>((done) => {
      if (child.exitCode !== null || child.signalCode !== null) {
        children.delete(child)
        return done()
      }
      const hard = setTimeout(() => killGroup(child, 'SIGKILL'), 3000)
      child.once('close', () => {
        clearTimeout(hard)
        killGroup(child, 'SIGKILL', true)
        children.delete(child)
        done()
      })
      killGroup(child, 'SIGTERM')
    }),
  }
}
