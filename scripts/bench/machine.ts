/**
 * The machine a benchmark or audit ran on, for the record: CPU model,
 * cores, memory, Node and Chromium versions, date, load, and other heavy
 * processes that were running at the same time (they skew timings).
 */
import { readdirSync, readFileSync } from 'node:fs'
import { cpus, loadavg, totalmem } from 'node:os'

export interface Machine {
  cpu: string
  cores: number
  ramGiB: number
  node: string
  chromium: string
  date: string
}

export function cpuModel(): string {
  try {
    const m = readFileSync('/proc/cpuinfo', 'utf8').match(/^model name\s*:\s*(.+)$/m)
    if (m)
      return m[1].trim()
  }
  catch {}
  return cpus()[0]?.model ?? 'unknown CPU'
}

export function machine(chromium: string): Machine {
  return {
    cpu: cpuModel(),
    cores: cpus().length,
    ramGiB: Math.round(totalmem() / 1024 ** 3 * 10) / 10,
    node: process.version,
    chromium,
    date: new Date().toISOString().replace(/\.\d+Z$/, 'Z'),
  }
}

export function machineLine(m: Machine): string {
  return `${m.cpu}, ${m.cores} cores, ${m.ramGiB} GiB RAM · Node ${m.node} · ${m.chromium} · ${m.date}`
}

export function loadAverage(): string {
  return loadavg().map(n => n.toFixed(2)).join(' ')
}

/**
 * Command lines of other processes that build, export or test a deck
 * (`slidev build|export`, `playwright test`, `vitest`, `lighthouse`) and
 * are not descendants of this process: a sign that the timings are shared
 * with someone else's work.
 */
export function otherHeavyProcesses(): string[] {
  let pids: number[] = []
  try {
    pids = readdirSync('/proc').filter(d => /^\d+$/.test(d)).map(Number)
  }
  catch {
    return []
  }
  const parent = new Map<number, number>()
  const cmd = new Map<number, string>()
  for (const pid of pids) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
      parent.set(pid, Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]))
      cmd.set(pid, readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').join(' ').trim())
    }
    catch {}
  }
  const mine = (pid: number) => {
    for (let p = pid, i = 0; p > 1 && i < 64; p = parent.get(p) ?? 0, i++) {
      if (p === process.pid)
        return true
    }
    return false
  }
  const out: string[] = []
  for (const [pid, c] of cmd) {
    if (pid === process.pid || mine(pid))
      continue
    if (/slidev(\.mjs)? (build|export)|playwright test|vitest|lighthouse/.test(c) && !/scripts\/(bench|audit)\.ts/.test(c))
      out.push(`${pid} ${c.slice(0, 120)}`)
  }
  return out
}

function cpuTimes(): { idle: number, total: number } {
  const f = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).slice(1).map(Number)
  return { idle: (f[3] ?? 0) + (f[4] ?? 0), total: f.reduce((a, b) => a + b, 0) }
}

/** Share of CPU time spent idle, all cores, over `ms`. 1 where /proc/stat cannot be read. */
export async function cpuIdle(ms = 1500): Promise<number> {
  try {
    const a = cpuTimes()
    await new Promise(r => setTimeout(r, ms))
    const b = cpuTimes()
    return b.total > a.total ? (b.idle - a.idle) / (b.total - a.total) : 1
  }
  catch {
    return 1
  }
}

/**
 * Wait, at most `maxMs`, until no other build, export or test process runs
 * and the CPUs are at least `minIdle` idle: a benchmark on a shared 2-core
 * machine measures the other work too. Returns how long it waited and
 * whether the machine was quiet in the end.
 */
export async function waitForQuiet(maxMs: number, minIdle = 0.75): Promise<{ waitedMs: number, quiet: boolean }> {
  const start = Date.now()
  for (;;) {
    const quiet = otherHeavyProcesses().length === 0 && await cpuIdle() >= minIdle
    if (quiet || Date.now() - start >= maxMs)
      return { waitedMs: Date.now() - start, quiet }
    await new Promise(r => setTimeout(r, 5000))
  }
}
