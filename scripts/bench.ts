/**
 * `npm run bench`: the kit against a plain Slidev deck of the same shape.
 *
 *   tsx scripts/bench.ts [--quick] [--check] [--rounds N] [--loads N] [--trials N]
 *   tsx scripts/bench.ts --class [--check]   (only the classroom server's load test)
 *
 * Writes a plain deck to .bench/plain/ (same slides, text and Mermaid
 * diagrams, no kit components), then builds and measures the kit and the
 * plain deck in turn (kit, plain, kit, plain, …) for 3 rounds (`--quick`: 1):
 * build time, JS + CSS bytes for slide 1, time to paint slide 1, time to step
 * through every slide, PDF export time, and (kit only) Check → feedback in a
 * quiz. Prints a table of medians, writes docs/benchmarks.md, and with
 * `--check` exits 1 when a budget is missed. Last, the classroom server
 * under 300 phones (scripts/bench/class.ts; alone with `--class`).
 * Everything it builds goes to
 * .bench/; its servers use ports 4400–4499 and are stopped at the end.
 */
import type { Browser } from 'playwright-core'
import type { ChunkFlag, Samples } from './bench/report.ts'
import { existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { chromium as pw } from 'playwright-core'
import { CHROMIUM_ARGS } from '../lib/browser.ts'
import { kitFingerprint, writePlainDeck } from './bench/deck.ts'
import { loadAverage, machine, machineLine, otherHeavyProcesses, waitForQuiet } from './bench/machine.ts'
import { classBenchMain } from './bench/class.ts'
import { type LoadResult, measureCheck, measureLoad, measureStepThrough } from './bench/measure.ts'
import { freePort, killAll, run, type Served, serve } from './bench/proc.ts'
import { classifyChunk, evaluateBudgets, formatBytes, formatMs, markdownTable, median, METRICS, QUICK_RATIO_LIMIT, ratio, replaceResults, resultsTable, summarise } from './bench/report.ts'
import { resolveChromium } from './browser.ts'

const { values: opt } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    check: { type: 'boolean', default: false },
    rounds: { type: 'string' },
    loads: { type: 'string' },
    trials: { type: 'string', default: '20' },
    class: { type: 'boolean', default: false },
  },
})
const quick = opt.quick!
const rounds = Math.max(1, Math.min(10, Number(opt.rounds ?? (quick ? 1 : 3))))
const loads = Math.max(1, Math.min(20, Number(opt.loads ?? (quick ? 3 : 5))))
const trials = Math.max(1, Math.min(100, Number(opt.trials)))

const root = resolve(import.meta.dirname, '..')
const BENCH = join(root, '.bench')
const LOG = join(BENCH, 'logs')
const BASE = '/bench/'
const DOC = join(root, 'docs', 'benchmarks.md')

if (opt.class) {
  const ok = await classBenchMain(root, DOC)
  if (opt.check && !ok)
    console.error('bench --check: the classroom server missed a budget')
  process.exit(opt.check && !ok ? 1 : 0)
}

// A whole run must end by itself: one hour a round at most, then everything started here is killed.
const watchdog = setTimeout(() => {
  console.error(`bench: time limit (${rounds} h) reached; stopping`)
  killAll()
  process.exit(1)
}, rounds * 3_600_000)
watchdog.unref()

let chromium: { path: string, from: string }
try {
  chromium = resolveChromium()
}
catch (e) {
  console.error(`bench: ${(e as Error).message}`)
  process.exit(1)
}

if (process.env.KIT_ANSWER_KEY) {
  console.log(`bench: ignoring KIT_ANSWER_KEY=${process.env.KIT_ANSWER_KEY}; the whole deck is measured`)
  delete process.env.KIT_ANSWER_KEY
}

interface Deck {
  name: 'kit' | 'plain'
  /** Folder holding the deck's slides.md (Slidev's user root). */
  cwd: string
  out: string
  pdf: string
}

const wallStart = performance.now()
mkdirSync(LOG, { recursive: true })
const errors: string[] = []
const others = new Set<string>()
const noteOthers = () => otherHeavyProcesses().forEach(p => others.add(p))
const loadStart = loadAverage()
noteOthers()

console.log(`bench: ${quick ? 'quick, ' : ''}${rounds} round(s), ${loads} page load(s) per deck per round; Chromium ${chromium.path} (${chromium.from})`)

// ── The plain deck, and a fingerprint of the kit ──────────────────────────
const plainDir = join(BENCH, 'plain')
let info = await writePlainDeck(root, plainDir)
let infoFp = kitFingerprint(root)
console.log(`bench: plain deck in .bench/plain: ${info.slides} slides, ${info.diagrams} Mermaid diagrams`)
let quizSlide = info.quizzes.find(q => q.type === 'single')

const decks: Deck[] = [
  { name: 'kit', cwd: root, out: join(BENCH, 'kit-dist'), pdf: join(BENCH, 'kit.pdf') },
  { name: 'plain', cwd: plainDir, out: join(BENCH, 'plain-dist'), pdf: join(BENCH, 'plain.pdf') },
]

/** Everything one round measures; merged into the totals only when the kit did not change during the round. */
function newAcc() {
  return {
    samples: { kit: { build: [], bytes: [], paint: [], step: [], export: [] }, plain: { build: [], bytes: [], paint: [], step: [], export: [] } } as Record<Deck['name'], Samples>,
    fcp: { kit: [], plain: [] } as Record<Deck['name'], number[]>,
    /** CPU time (user + sys) of builds and exports: less sensitive than wall time to other work on the machine. */
    cpu: { kit: { build: [], export: [] }, plain: { build: [], export: [] } } as Record<Deck['name'], { build: number[], export: number[] }>,
    firstLoad: {} as Partial<Record<Deck['name'], LoadResult>>,
    /** Step-through time of every slide, per walk. */
    perSlide: { kit: [], plain: [] } as Record<Deck['name'], number[][]>,
    /** Vite "page reload" lines during each export: another process wrote an .html file under the deck's folder. */
    reloads: { kit: [], plain: [] } as Record<Deck['name'], number[]>,
    check: { frame: [] as number[], dom: [] as number[] },
  }
}
type Acc = ReturnType<typeof newAcc>
const total = newAcc()
function merge(into: Acc, from: Acc) {
  for (const d of ['kit', 'plain'] as const) {
    for (const k of METRICS)
      into.samples[d][k].push(...from.samples[d][k])
    into.fcp[d].push(...from.fcp[d])
    into.cpu[d].build.push(...from.cpu[d].build)
    into.cpu[d].export.push(...from.cpu[d].export)
    into.perSlide[d].push(...from.perSlide[d])
    into.reloads[d].push(...from.reloads[d])
    into.firstLoad[d] ??= from.firstLoad[d]
  }
  into.check.frame.push(...from.check.frame)
  into.check.dom.push(...from.check.dom)
}
const discarded: string[] = []
/** Things that went wrong and were recovered from (a server ended from outside, an export run again). */
const notes: string[] = []
let chromiumVersion = ''

async function launch(): Promise<Browser> {
  const b = await pw.launch({ executablePath: chromium.path, args: CHROMIUM_ARGS, headless: true, timeout: 60_000 })
  chromiumVersion ||= `Chromium ${b.version()}`
  return b
}

async function step<T>(what: string, f: () => Promise<T>): Promise<T | undefined> {
  try {
    return await f()
  }
  catch (e) {
    const msg = `${what}: ${(e as Error).message.split('\n').slice(0, 6).join(' ')}`
    errors.push(msg)
    console.error(`bench: ${msg}`)
    return undefined
  }
}

/** Before each phase, wait for other work on the machine to end: at most 5 min a time and `QUIET_BUDGET_MS` in all. */
const QUIET_BUDGET_MS = (quick ? 10 : 40) * 60_000
/** Slides the quick run exports, of both decks (the full run exports every slide). */
const QUICK_EXPORT_RANGE = '1-48'
let quietWaited = 0
const busy: string[] = []
async function quiet(what: string) {
  noteOthers()
  const left = Math.max(0, QUIET_BUDGET_MS - quietWaited)
  const w = await waitForQuiet(Math.min(5 * 60_000, left))
  quietWaited += w.waitedMs
  if (w.waitedMs > 10_000)
    console.log(`bench: waited ${formatMs(w.waitedMs)} for other work to end before ${what}`)
  if (!w.quiet)
    busy.push(what)
  noteOthers()
}

async function measureDeck(deck: Deck, tag: string, acc: Acc) {
  await quiet(`${tag} build`)
  // 1. build
  rmSync(deck.out, { recursive: true, force: true })
  const built = await step(`${tag} build`, async () => {
    const b = await run('npx', ['slidev', 'build', 'slides.md', '--base', './', '--out', deck.out], { cwd: deck.cwd, timeoutMs: 600_000, log: join(LOG, `${deck.name}-build.log`) })
    if (b.code !== 0 || !existsSync(join(deck.out, 'index.html')))
      throw new Error(`slidev build failed (exit ${b.code}):\n${b.tail}`)
    return b
  })
  if (!built)
    return
  acc.samples[deck.name].build.push(built.ms)
  acc.cpu[deck.name].build.push(built.cpuMs)
  console.log(`bench: ${tag}: build ${formatMs(built.ms)} (CPU ${formatMs(built.cpuMs)})`)

  // 2–4, 6. in the browser, from a fresh static server. If the server is
  // ended from outside meanwhile (another tool stopping servers by name), it
  // is started again and the measurement that failed is taken once more.
  await quiet(`${tag} browser measurements`)
  let server: Served | undefined
  const ensureServer = async (): Promise<Served> => {
    if (server?.alive())
      return server
    if (server)
      notes.push(`${tag}: the static server (pid ${server.pid}) was ended by another process and was started again`)
    const port = await freePort(deck.name === 'kit' ? 4401 : 4402)
    server = await serve(root, deck.out, BASE, port, join(LOG, `${deck.name}-serve.log`))
    return server
  }
  const twice = async <T>(f: (url: string) => Promise<T>): Promise<T> => {
    try {
      return await f((await ensureServer()).url)
    }
    catch (e) {
      if (server?.alive())
        throw e
      return await f((await ensureServer()).url)
    }
  }
  const browser = await step(`${tag} serve and launch Chromium`, async () => {
    await ensureServer()
    return launch()
  })
  if (browser) {
    try {
      for (let i = 0; i < loads; i++) {
        const res = await step(`${tag} load ${i + 1}`, () => twice(url => measureLoad(browser, `${url}#/1`)))
        if (!res)
          continue
        acc.samples[deck.name].bytes.push(res.bytes)
        acc.samples[deck.name].paint.push(res.paint)
        acc.fcp[deck.name].push(res.fcp)
        acc.firstLoad[deck.name] ??= res
      }
      const s = acc.samples[deck.name]
      console.log(`bench: ${tag}: slide 1 ${formatBytes(median(s.bytes))} JS+CSS gzip, painted at ${formatMs(median(s.paint))}`)
      const walk = await step(`${tag} step-through`, () => twice(url => measureStepThrough(browser, url, info.diagramsPerSlide)))
      if (walk !== undefined) {
        acc.samples[deck.name].step.push(walk.total)
        acc.perSlide[deck.name].push(walk.perSlide)
        console.log(`bench: ${tag}: step through ${info.slides} slides ${formatMs(walk.total)}`)
      }
      if (deck.name === 'kit' && quizSlide) {
        const q = quizSlide
        const c = await step(`${tag} Check → feedback`, () => twice(url => measureCheck(browser, url, q.no, trials)))
        if (c) {
          acc.check.frame.push(...c.frame)
          acc.check.dom.push(...c.dom)
          console.log(`bench: ${tag}: Check → feedback ${formatMs(median(c.frame))} (median of ${c.frame.length}, slide ${q.no})`)
        }
      }
    }
    finally {
      await browser.close().catch(() => {})
    }
  }
  await (server as Served | undefined)?.stop()

  // 5. PDF export, with the flags of scripts/export.ts. The quick run (CI)
  // exports the same first slides of both decks: the ratio holds, in a
  // fifth of the time (two whole exports were most of .ci/run's benchmark).
  await quiet(`${tag} export`)
  rmSync(deck.pdf, { force: true })
  const exportOnce = async () => {
    const x = await run('npx', ['slidev', 'export', 'slides.md', '--output', deck.pdf, '--executable-path', chromium.path, '--timeout', '120000', '--wait-until', 'networkidle', '--with-toc', ...(quick ? ['--range', QUICK_EXPORT_RANGE] : [])], {
      cwd: deck.cwd,
      timeoutMs: 900_000,
      log: join(LOG, `${deck.name}-export.log`),
      env: { PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD: '1' },
    })
    if (x.code !== 0 || !existsSync(deck.pdf) || statSync(deck.pdf).size === 0)
      throw new Error(`slidev export failed (exit ${x.code}):\n${x.tail}`)
    const log = readFileSync(join(LOG, `${deck.name}-export.log`), 'utf8')
    acc.reloads[deck.name].push((log.slice(log.lastIndexOf('\n$ (cd ')).match(/\[vite\][^\n]*page reload/g) ?? []).length)
    return x
  }
  // One more try after a failure: two `slidev export` runs at once (ours and npm test's) can collide on Slidev's port 12445.
  const exported = await step(`${tag} export`, async () => {
    try {
      return await exportOnce()
    }
    catch (e) {
      notes.push(`${tag}: the first export failed and was run again (${(e as Error).message.split('\n').find(l => /Error|exceeded|failed/.test(l))?.trim().slice(0, 160) ?? 'see .bench/logs'})`)
      await quiet(`${tag} export (second try)`)
      return await exportOnce()
    }
  })
  if (exported) {
    acc.samples[deck.name].export.push(exported.ms)
    acc.cpu[deck.name].export.push(exported.cpuMs)
    const n = acc.reloads[deck.name].at(-1) ?? 0
    console.log(`bench: ${tag}: export ${formatMs(exported.ms)} (CPU ${formatMs(exported.cpuMs)})${n ? `; disturbed by ${n} Vite page reload(s)` : ''}`)
  }
}

// Rounds: kit, plain, kit, plain … A round during which the kit's files changed
// (someone edited the deck) compares two different decks: it is left out and
// run again, at most twice.
let done = 0
for (let attempt = 1; done < rounds && attempt <= rounds + 2; attempt++) {
  const fp = kitFingerprint(root)
  if (fp !== infoFp) {
    discarded.push(`the kit changed before round ${done + 1}: the plain deck was written again from it, so the rounds compare different versions of the kit`)
    info = await writePlainDeck(root, plainDir)
    infoFp = fp
    quizSlide = info.quizzes.find(q => q.type === 'single')
    console.log(`bench: the kit changed; plain deck rewritten: ${info.slides} slides, ${info.diagrams} Mermaid diagrams`)
  }
  const acc = newAcc()
  for (const deck of decks)
    await measureDeck(deck, `round ${done + 1}/${rounds} ${deck.name}`, acc)
  if (kitFingerprint(root) !== fp) {
    discarded.push(`round ${done + 1} (attempt ${attempt}): the kit's files changed during the round`)
    console.log(`bench: the kit's files changed during round ${done + 1}; its figures are left out and the round is run again`)
    continue
  }
  merge(total, acc)
  done++
}
if (done < rounds)
  errors.push(`only ${done} of ${rounds} round(s) ran on an unchanged kit`)
const { samples, fcp, cpu, firstLoad, perSlide, reloads, check } = total
noteOthers()
const loadEnd = loadAverage()

// ── Report ────────────────────────────────────────────────────────────────
const rows = summarise(samples.kit, samples.plain)
const stem = (f: string) => f.replace(/-[\w-]{8}\.(js|css)$/, '.$1')
const kitScripts = (firstLoad.kit?.fetched ?? []).filter(f => f.type === 'script')
const flags: ChunkFlag[] = kitScripts.map(f => ({ ...classifyChunk(f.file, f.code), gzip: f.gzip }))
const budgets = evaluateBudgets({ rows, check: check.frame, chunks: flags, quick })
const wallMs = performance.now() - wallStart

function chunkTable(load: LoadResult | undefined, other: LoadResult | undefined): string {
  if (!load)
    return '_not measured_'
  const otherStems = new Set((other?.fetched ?? []).map(f => stem(f.file)))
  const list = load.fetched.filter(f => f.type === 'script' || f.type === 'stylesheet')
  return markdownTable(['file', 'type', 'gzip', 'raw', 'also in the other deck (by name)', 'flag'], list.map((f) => {
    const flag = f.type === 'script' ? classifyChunk(f.file, f.code).reasons.join('; ') : ''
    return [f.file, f.type === 'script' ? 'JS' : 'CSS', formatBytes(f.gzip), formatBytes(f.raw), otherStems.has(stem(f.file)) ? 'yes' : '**no**', flag]
  }), ['l', 'l', 'r', 'r', 'l', 'l'])
}

/** Slide-1 JS and CSS by file name without its hash: kit vs plain gzip bytes, where they differ by 100 B or more. */
function diffTable(kit?: LoadResult, plain?: LoadResult): string {
  if (!kit || !plain)
    return '_not measured_'
  const by = (l: LoadResult) => {
    const out = new Map<string, number>()
    for (const f of l.fetched.filter(f => f.type === 'script' || f.type === 'stylesheet'))
      out.set(stem(f.file), (out.get(stem(f.file)) ?? 0) + f.gzip)
    return out
  }
  const k = by(kit)
  const p = by(plain)
  const names = [...new Set([...k.keys(), ...p.keys()])]
    .map(n => ({ n, k: k.get(n) ?? 0, p: p.get(n) ?? 0 }))
    .filter(r => Math.abs(r.k - r.p) >= 100)
    .sort((a, b) => Math.abs(b.k - b.p) - Math.abs(a.k - a.p))
  if (!names.length)
    return 'No file differs by 100 B or more.'
  return markdownTable(['file (hash removed)', 'kit gzip', 'plain gzip', 'kit − plain'], names.map(r => [r.n, formatBytes(r.k), formatBytes(r.p), `${r.k - r.p >= 0 ? '+' : '−'}${formatBytes(Math.abs(r.k - r.p))}`]), ['l', 'r', 'r', 'r'])
}

/** Median step time per slide, summed by kind of slide: where the kit's walk spends its extra time. */
function stepTable(): string {
  if (!perSlide.kit.length || !perSlide.plain.length)
    return '_not measured_'
  const med = (walks: number[][], i: number) => median(walks.map(w => w[i] ?? Number.NaN))
  const quiz = new Set(info.quizzes.map(q => q.no))
  const kinds: [string, (no: number) => boolean][] = [
    ['quiz slides (`<Quiz>`)', no => quiz.has(no)],
    ['slides with a Mermaid diagram', no => !quiz.has(no) && info.diagramsPerSlide[no - 1] > 0],
    ['other slides', no => !quiz.has(no) && !info.diagramsPerSlide[no - 1]],
  ]
  const rowsOut = kinds.map(([label, test]) => {
    const nos = Array.from({ length: info.slides - 1 }, (_, i) => i + 2).filter(test)
    const k = nos.reduce((s, no) => s + med(perSlide.kit, no - 1), 0)
    const p = nos.reduce((s, no) => s + med(perSlide.plain, no - 1), 0)
    return [label, String(nos.length), formatMs(k), formatMs(p), formatMs(k - p), nos.length ? formatMs((k - p) / nos.length) : '—']
  })
  const diffs = Array.from({ length: info.slides - 1 }, (_, i) => i + 2).map(no => ({ no, k: med(perSlide.kit, no - 1), p: med(perSlide.plain, no - 1) }))
    .sort((a, b) => (b.k - b.p) - (a.k - a.p)).slice(0, 8)
  return `${markdownTable(['slides', 'count', 'kit (sum of medians)', 'plain', 'kit − plain', 'per slide'], rowsOut, ['l', 'r', 'r', 'r', 'r', 'r'])}

Slides where the kit's walk lost most time against the plain deck (median ms, kit / plain): ${diffs.map(d => `${d.no}${quiz.has(d.no) ? ' (quiz)' : info.diagramsPerSlide[d.no - 1] ? ' (diagram)' : ''} ${d.k.toFixed(0)} / ${d.p.toFixed(0)}`).join(', ')}.`
}

const m = machine(chromiumVersion || 'Chromium (not launched)')
const kitOnly = (firstLoad.kit?.fetched ?? []).filter(f => (f.type === 'script' || f.type === 'stylesheet') && !(firstLoad.plain?.fetched ?? []).some(p => stem(p.file) === stem(f.file)))
const sumGzip = (l?: LoadResult) => l ? `${formatBytes(l.js)} JS + ${formatBytes(l.css)} CSS (${l.fetched.filter(f => f.type === 'script').length} JS and ${l.fetched.filter(f => f.type === 'stylesheet').length} CSS files); fonts and other files ${formatBytes(l.otherGzip)}; network idle at ${formatMs(l.idleAt)}` : 'not measured'

const results = `## Results

Last run: **${quick ? `quick (${rounds} round; ratio budgets read as ≤ ${QUICK_RATIO_LIMIT}×)` : `full (${rounds} rounds)`}**, ${loads} page load(s) per deck per round, ${trials} Check trials per round, ${info.slides} slides, ${info.diagrams} Mermaid diagrams. Wall time of the run: ${formatMs(wallMs)}.${quick ? ` The export figures are of slides ${QUICK_EXPORT_RANGE} of each deck.` : ''}

Machine: ${machineLine(m)}.
Load average (1, 5, 15 min) at start: ${loadStart}; at end: ${loadEnd}.
Before each build, browser session and export the run waits (5 min at most, ${formatMs(QUIET_BUDGET_MS)} in all) until no other build, export or test process runs and the CPUs are 75 % idle; it waited ${formatMs(quietWaited)} in all${busy.length ? `, and started these phases on a busy machine all the same: ${busy.join(', ')}` : ', and every phase started on a quiet machine'}.
${others.size ? `Other heavy processes were seen during the run, so some timings may be shared with them:\n\n${[...others].map(o => `- \`${o}\``).join('\n')}\n` : 'No other build, export or test process was seen during the run.'}

${resultsTable(rows, check.frame, quick)}

Check → feedback is timed on slide ${quizSlide?.no ?? '?'} (\`${quizSlide?.bank ?? '?'}\` question ${quizSlide?.question ?? '?'}); until \`.kit-feedback\` is in the DOM it takes ${formatMs(median(check.dom))} (median), and until the frame that paints it ${formatMs(median(check.frame))}.
First-contentful-paint, for comparison with the slide-1 figure: kit ${formatMs(median(fcp.kit))}, plain ${formatMs(median(fcp.plain))}.
CPU time (user + sys, all processes) rather than wall time, less disturbed by other work on the machine: build kit ${formatMs(median(cpu.kit.build))}, plain ${formatMs(median(cpu.plain.build))} (${ratio(median(cpu.kit.build), median(cpu.plain.build)).toFixed(2)}×); export kit ${formatMs(median(cpu.kit.export))}, plain ${formatMs(median(cpu.plain.export))} (${ratio(median(cpu.kit.export), median(cpu.plain.export)).toFixed(2)}×). Not budgeted.

Vite page reloads during the exports (another process wrote an \`.html\` file under the deck's folder, and Slidev's export page reloaded): kit ${reloads.kit.join(', ') || 'none'}; plain ${reloads.plain.join(', ') || 'none'} (per round).

### Where the step-through time goes

${stepTable()}

### Budgets${quick ? ' (quick: every ratio limit is 1.5×)' : ''}

${budgets.map(b => `- ${b.pass ? '✔' : '✘'} ${b.name}: ${b.detail}`).join('\n')}

### What loads for slide 1

Kit: ${sumGzip(firstLoad.kit)}.
Plain: ${sumGzip(firstLoad.plain)}.

Files the kit fetches for slide 1 that the plain deck does not (by name without hash): ${kitOnly.length ? kitOnly.map(f => `\`${f.file}\` (${formatBytes(f.gzip)})`).join(', ') : 'none'}. Rolldown splits the same Slidev client code differently when the kit's own modules import \`@slidev/client\`, so compare sizes by name:

${diffTable(firstLoad.kit, firstLoad.plain)}

<details><summary>Kit: every JS and CSS file fetched for slide 1</summary>

${chunkTable(firstLoad.kit, firstLoad.plain)}

</details>

<details><summary>Plain: every JS and CSS file fetched for slide 1</summary>

${chunkTable(firstLoad.plain, firstLoad.kit)}

</details>

### Raw samples

${markdownTable(['figure', 'kit', 'plain'], METRICS.map(k => [k, samples.kit[k].map(v => k === 'bytes' ? String(v) : v.toFixed(0)).join(', '), samples.plain[k].map(v => k === 'bytes' ? String(v) : v.toFixed(0)).join(', ')]))}

Check → feedback (ms, to the painting frame): ${check.frame.map(v => v.toFixed(1)).join(', ') || 'none'}.
${notes.length ? `\nRecovered during the run: ${notes.join('; ')}.\n` : ''}${discarded.length ? `\nThe kit's files changed during the run: ${discarded.join('; ')}.\n` : ''}${errors.length ? `\n### Errors\n\n${errors.map(e => `- ${e}`).join('\n')}\n` : ''}`

const doc = existsSync(DOC) ? readFileSync(DOC, 'utf8') : '# Benchmarks\n\nSee scripts/bench.ts for the method.\n'
writeFileSync(DOC, replaceResults(doc, results))
writeFileSync(join(BENCH, 'results.json'), JSON.stringify({ quick, rounds, loads, trials, machine: m, samples, cpu, reloads, perSlide, fcp, check, discarded, notes, busy, quietWaited, rows, budgets, errors, wallMs, others: [...others], slide1: { kit: firstLoad.kit?.fetched.map(({ code, ...f }) => f), plain: firstLoad.plain?.fetched.map(({ code, ...f }) => f) } }, null, 2))

console.log(`\n${machineLine(m)}\n`)
console.log(resultsTable(rows, check.frame, quick))
console.log(`\nslide 1, kit: ${kitScripts.map(f => `${f.file} ${formatBytes(f.gzip)}`).join(', ')}`)
console.log(`kit-only on slide 1: ${kitOnly.map(f => `${f.file} ${formatBytes(f.gzip)}`).join(', ') || 'none'}`)
console.log('')
for (const b of budgets)
  console.log(`${b.pass ? 'ok  ' : 'FAIL'} ${b.name}: ${b.detail}`)
if (others.size)
  console.log(`\nwarning: other heavy processes ran during the benchmark:\n  ${[...others].join('\n  ')}`)
console.log(`\nbench: wrote docs/benchmarks.md and .bench/results.json in ${formatMs(wallMs)}`)

// The classroom server under a room's load (scripts/bench/class.ts).
const classOk = await classBenchMain(root, DOC)

killAll()
if (errors.length) {
  console.error(`bench: ${errors.length} step(s) failed:\n  ${errors.join('\n  ')}`)
  process.exit(1)
}
if (opt.check) {
  const failed = budgets.filter(b => !b.pass)
  if (!classOk)
    failed.push({ name: 'classroom server', pass: false, detail: 'see its section in docs/benchmarks.md' })
  if (failed.length) {
    console.error(`bench --check: ${failed.length} budget(s) missed: ${failed.map(b => `${b.name} (${b.detail})`).join('; ')}`)
    process.exit(1)
  }
  console.log('bench --check: every budget met')
}
process.exit(0)
