/**
 * `npm run audit`: Lighthouse (desktop preset) on the built deck, served
 * locally, for performance, accessibility and best practices.
 *
 *   tsx scripts/audit.ts
 *
 * Builds the deck into .bench/audit-dist, serves it with scripts/serve.ts
 * on a port in 4400–4499, runs Lighthouse in the Chromium that
 * scripts/browser.ts finds, writes exports/lighthouse.html and
 * exports/lighthouse.json, prints the scores and every audit that fell
 * short, and exits 1 when accessibility < 100, best practices < 95 or
 * performance < 90.
 */
import type { Result } from 'lighthouse'
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import * as chromeLauncher from 'chrome-launcher'
import lighthouse, { desktopConfig } from 'lighthouse'
import { CHROMIUM_ARGS } from '../lib/browser.ts'
import { freePort, killAll, run, serve } from './bench/proc.ts'
import { resolveChromium } from './browser.ts'

/** Minimum scores (0–100) per category. */
export const TARGETS = { 'performance': 90, 'accessibility': 100, 'best-practices': 95 } as const
type Category = keyof typeof TARGETS

const root = resolve(import.meta.dirname, '..')
const OUT = join(root, '.bench', 'audit-dist')
const LOG = join(root, '.bench', 'logs')
const EXPORTS = join(root, 'exports')
const BASE = '/audit/'

const watchdog = setTimeout(() => {
  console.error('audit: time limit (15 min) reached; stopping')
  killAll()
  process.exit(1)
}, 15 * 60_000)
watchdog.unref()

function fail(msg: string): never {
  console.error(`audit: ${msg}`)
  killAll()
  process.exit(1)
}

let chromium: { path: string, from: string }
try {
  chromium = resolveChromium()
}
catch (e) {
  fail((e as Error).message)
}

// 1. Build the deck where npm test does not look.
rmSync(OUT, { recursive: true, force: true })
console.log('audit: building the deck into .bench/audit-dist')
const built = await run('npx', ['slidev', 'build', 'slides.md', '--base', './', '--out', OUT], { cwd: root, timeoutMs: 600_000, log: join(LOG, 'audit-build.log') })
if (built.code !== 0 || !existsSync(join(OUT, 'index.html')))
  fail(`slidev build failed (exit ${built.code}):\n${built.tail}`)

// 2. Serve it and run Lighthouse.
const port = await freePort(4410)
const server = await serve(root, OUT, BASE, port, join(LOG, 'audit-serve.log'))
const debugPort = await freePort(port + 1, [port])
const flags = [...new Set(['--headless=new', '--no-sandbox', ...CHROMIUM_ARGS])]
console.log(`audit: Lighthouse on ${server.url} with ${chromium.path} (${chromium.from})`)

let chrome: chromeLauncher.LaunchedChrome | undefined
let lhr: Result
let html: string
let json: string
try {
  chrome = await chromeLauncher.launch({ chromePath: chromium.path, chromeFlags: flags, port: debugPort, logLevel: 'silent', maxConnectionRetries: 100 })
  const result = await lighthouse(server.url, {
    port: chrome.port,
    output: ['html', 'json'],
    logLevel: 'error',
    onlyCategories: Object.keys(TARGETS),
  }, desktopConfig)
  if (!result)
    throw new Error('Lighthouse returned no result')
  lhr = result.lhr
  ;[html, json] = result.report as string[]
}
catch (e) {
  await chrome?.kill()
  await server.stop()
  fail(`Lighthouse failed: ${(e as Error).message}`)
}
finally {
  await chrome?.kill()
  await server.stop()
}

mkdirSync(EXPORTS, { recursive: true })
writeFileSync(join(EXPORTS, 'lighthouse.html'), html)
writeFileSync(join(EXPORTS, 'lighthouse.json'), json)

// 3. Scores, and what fell short.
if (lhr.runtimeError)
  console.error(`audit: Lighthouse runtime error: ${lhr.runtimeError.code} ${lhr.runtimeError.message}`)
for (const w of lhr.runWarnings ?? [])
  console.warn(`audit: warning: ${w}`)

const score = (c: Category) => {
  const s = lhr.categories[c]?.score
  return s === null || s === undefined ? Number.NaN : Math.round(s * 100)
}

/** Up to `max` items of an audit's details, as short lines (selector and snippet, URL, description). */
function detailLines(audit: Result['audits'][string], max = 8): string[] {
  const d = audit.details as { type?: string, items?: Record<string, unknown>[] } | undefined
  const items = d?.items ?? []
  const line = (it: Record<string, unknown>): string => {
    const node = it.node as { selector?: string, snippet?: string, explanation?: string } | undefined
    if (node)
      return `${node.selector ?? ''} ${node.snippet ?? ''}${node.explanation ? ` — ${node.explanation.replace(/\s+/g, ' ').slice(0, 300)}` : ''}`.trim()
    const parts = ['description', 'source', 'url', 'issueType', 'label', 'value', 'wastedBytes', 'wastedMs', 'totalBytes']
      .filter(k => it[k] !== undefined && it[k] !== null && it[k] !== '')
      .map(k => `${k}: ${typeof it[k] === 'object' ? JSON.stringify(it[k]).slice(0, 200) : String(it[k]).slice(0, 300)}`)
    return parts.join(', ') || JSON.stringify(it).slice(0, 300)
  }
  const sub = items.flatMap(it => ((it.subItems as { items?: Record<string, unknown>[] } | undefined)?.items ?? []).map(line))
  return [...items.map(line), ...sub].slice(0, max).map(l => `      ${l}`)
}

console.log('')
const missed: string[] = []
for (const c of Object.keys(TARGETS) as Category[]) {
  const s = score(c)
  const ok = s >= TARGETS[c]
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${lhr.categories[c]?.title ?? c}: ${Number.isNaN(s) ? 'n/a' : s} (target ≥ ${TARGETS[c]})`)
  if (!ok)
    missed.push(`${c} ${Number.isNaN(s) ? 'n/a' : s} < ${TARGETS[c]}`)
  // Every audit of the category that did not fully pass (weight > 0 first), with its details.
  const refs = [...(lhr.categories[c]?.auditRefs ?? [])].sort((a, b) => b.weight - a.weight)
  for (const ref of refs) {
    const a = lhr.audits[ref.id]
    if (!a || a.score === null || a.score >= 1 || a.scoreDisplayMode === 'notApplicable' || a.scoreDisplayMode === 'manual' || a.scoreDisplayMode === 'informative')
      continue
    if (ok && ref.weight === 0)
      continue
    console.log(`    - ${a.id} (score ${Math.round(a.score * 100)}, weight ${ref.weight}${ref.group ? `, ${ref.group}` : ''}): ${a.title}${a.displayValue ? ` — ${a.displayValue}` : ''}`)
    if (!ok)
      detailLines(a).forEach(l => console.log(l))
  }
}

// Audits Lighthouse could not run (they do not count in a score, but say so).
const errored = Object.values(lhr.audits).filter(a => a.scoreDisplayMode === 'error')
if (errored.length)
  console.log(`\naudit: ${errored.length} audit(s) could not run in this Lighthouse/Chromium pair and are left out of the scores: ${errored.map(a => `${a.id} (${(a.errorMessage ?? '').split('\n')[0].slice(0, 120)})`).join('; ')}`)

// What the page spent its time and bytes on, when performance fell short.
if (score('performance') < TARGETS.performance) {
  const items = (id: string) => ((lhr.audits[id]?.details as { items?: Record<string, unknown>[] } | undefined)?.items ?? [])
  const kb = (n: unknown) => `${Math.round(Number(n) / 1024)} KiB`
  console.log(`audit: total transfer ${lhr.audits['total-byte-weight']?.displayValue ?? 'n/a'}; largest: ${items('total-byte-weight').slice(0, 6).map(i => `${String(i.url).replace(/^.*\//, '')} ${kb(i.totalBytes)}`).join(', ')}`)
  console.log(`audit: main thread ${lhr.audits['mainthread-work-breakdown']?.displayValue ?? 'n/a'}: ${items('mainthread-work-breakdown').map(i => `${i.groupLabel} ${Math.round(Number(i.duration))} ms`).join(', ')}`)
  console.log(`audit: script time by file: ${items('bootup-time').slice(0, 5).map(i => `${String(i.url).replace(/^.*\//, '')} ${Math.round(Number(i.total))} ms`).join(', ')}`)
}

const m = (id: string) => lhr.audits[id]?.displayValue ?? 'n/a'
console.log(`\naudit: metrics: FCP ${m('first-contentful-paint')}, LCP ${m('largest-contentful-paint')}, TBT ${m('total-blocking-time')}, CLS ${m('cumulative-layout-shift')}, Speed Index ${m('speed-index')}`)
console.log(`audit: Lighthouse ${lhr.lighthouseVersion}, ${lhr.environment?.hostUserAgent ?? ''}`)
console.log('audit: wrote exports/lighthouse.html and exports/lighthouse.json')

killAll()
if (missed.length) {
  console.error(`audit: target(s) missed: ${missed.join('; ')}`)
  process.exit(1)
}
process.exit(0)
