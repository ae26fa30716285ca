/**
 * Pure parts of `npm run bench`: medians, budgets, chunk classification and
 * the Markdown report. Tested in tests/unit/bench.test.ts.
 */

/** Median of a list of numbers (mean of the two middle values for an even count). NaN for an empty list. */
export function median(xs: readonly number[]): number {
  const v = xs.filter(x => Number.isFinite(x)).sort((a, b) => a - b)
  if (!v.length)
    return Number.NaN
  const mid = Math.floor(v.length / 2)
  return v.length % 2 ? v[mid] : (v[mid - 1] + v[mid]) / 2
}

/** Bash's `times` prints the shell's, then its children's, user and system time; the children's, in ms (NaN if absent). */
export function parseTimes(text: string): number {
  const m = text.match(/(\d+)m([\d.]+)s (\d+)m([\d.]+)s\s*$/)
  return m ? (Number(m[1]) * 60 + Number(m[2]) + Number(m[3]) * 60 + Number(m[4])) * 1000 : Number.NaN
}

/** kit / plain; NaN when either is missing or plain is 0. */
export function ratio(kit: number, plain: number): number {
  return Number.isFinite(kit) && Number.isFinite(plain) && plain > 0 ? kit / plain : Number.NaN
}

/** The figures compared between the kit and the plain deck. */
export const METRICS = ['build', 'bytes', 'paint', 'step', 'export'] as const
export type Metric = typeof METRICS[number]

export const METRIC_LABEL: Record<Metric, string> = {
  build: '`slidev build` wall time',
  bytes: 'JS + CSS for slide 1 (gzip)',
  paint: 'navigation → slide 1 painted',
  step: 'step through all slides',
  export: '`slidev export` (PDF) wall time',
}

export const METRIC_UNIT: Record<Metric, 'ms' | 'bytes'> = {
  build: 'ms',
  bytes: 'bytes',
  paint: 'ms',
  step: 'ms',
  export: 'ms',
}

/** Ratio budgets (kit ≤ limit × plain) and the absolute Check → feedback budget. */
export const RATIO_BUDGETS: Record<Metric, number> = {
  build: 1.3,
  bytes: 1.1,
  paint: 1.2,
  step: 1.3,
  export: 1.3,
}
export const CHECK_BUDGET_MS = 50
/** With `--quick` (one round), every ratio budget's limit is this instead. */
export const QUICK_RATIO_LIMIT = 1.5

/** Samples of each figure, per deck. */
export type Samples = Record<Metric, number[]>

export interface Row {
  metric: Metric
  kit: number
  plain: number
  ratio: number
  n: { kit: number, plain: number }
}

export function summarise(kit: Partial<Samples>, plain: Partial<Samples>): Row[] {
  return METRICS.map((metric) => {
    const k = median(kit[metric] ?? [])
    const p = median(plain[metric] ?? [])
    return { metric, kit: k, plain: p, ratio: ratio(k, p), n: { kit: kit[metric]?.length ?? 0, plain: plain[metric]?.length ?? 0 } }
  })
}

export interface BudgetResult {
  name: string
  pass: boolean
  /** e.g. "1.12× ≤ 1.30×" or "14.2 ms ≤ 50 ms". */
  detail: string
}

/** A JS chunk fetched for slide 1 and whether it is quiz or Mermaid code. */
export interface ChunkFlag {
  file: string
  gzip: number
  /** Why it is flagged, empty when it is not. */
  reasons: string[]
}

/** Chunk file names that give quiz or Mermaid code away (`/mermaid|Quiz|quiz/`, and `Mermaid-…` too). */
export const FORBIDDEN_NAME = /mermaid|quiz/i
/**
 * File names of Mermaid's own chunks as Vite names them (Mermaid splits
 * itself into `flowDiagram-…`, `dagre-…`, `katex-…`, `cytoscape…` and so on).
 */
export const MERMAID_CHUNK_NAME = /^[a-zA-Z0-9]*[Dd]iagram(?:-v2)?-|^(?:dagre|cytoscape|katex|cose-bilkent|mindmap-definition|timeline-definition|kanban-definition|flowchart-elk|mermaid)[-.]/
/**
 * Strings only Mermaid's library code holds (its API object, its config
 * key and its flowchart renderer id). File names listed in another chunk's
 * import map do not count: only code does.
 */
export const MERMAID_CODE = /\bmermaidAPI\b|\bsecurityLevel\b|["']flowchart-v2["']/
/** Strings only the kit's quiz code holds: its progress storage key and its form class. */
export const QUIZ_CODE = /repatriation-kit:quiz-progress|kit-quiz-form/

/** Strip the import-map string literals (`"./Quiz-abc.js"`) so file names in them do not count as code. */
function codeOnly(src: string): string {
  return src.replace(/(["'`])(?:\.{0,2}\/)?(?:assets\/)?[\w./-]+\.(?:js|mjs|css)\1/g, '""')
}

/** Flag a slide-1 JS chunk by its file name and, when given, its code. */
export function classifyChunk(file: string, code?: string): ChunkFlag & { gzip: number } {
  const base = file.replace(/^.*\//, '').replace(/\?.*$/, '')
  const reasons: string[] = []
  if (FORBIDDEN_NAME.test(base))
    reasons.push(`name matches ${FORBIDDEN_NAME}`)
  if (MERMAID_CHUNK_NAME.test(base))
    reasons.push('name of a Mermaid chunk')
  if (code !== undefined) {
    const c = codeOnly(code)
    const m = c.match(MERMAID_CODE)
    if (m)
      reasons.push(`contains Mermaid library code (\`${m[0]}\`)`)
    const q = c.match(QUIZ_CODE)
    if (q)
      reasons.push(`contains the kit's quiz code (\`${q[0]}\`)`)
  }
  return { file: base, gzip: 0, reasons }
}

export interface CheckInput {
  rows: Row[]
  /** Check → feedback samples in ms (kit only). */
  check: number[]
  /** JS chunks fetched for the kit's slide 1, classified. */
  chunks: ChunkFlag[]
  quick: boolean
}

function x(n: number): string {
  return Number.isFinite(n) ? `${n.toFixed(2)}×` : 'n/a'
}

/** Every budget with its verdict. A figure that could not be measured fails its budget. */
export function evaluateBudgets(input: CheckInput): BudgetResult[] {
  const out: BudgetResult[] = input.rows.map((r) => {
    const limit = input.quick ? QUICK_RATIO_LIMIT : RATIO_BUDGETS[r.metric]
    const pass = Number.isFinite(r.ratio) && r.ratio <= limit
    return { name: `${METRIC_LABEL[r.metric]} ≤ ${x(limit)} plain`, pass, detail: `${x(r.ratio)} (limit ${x(limit)})` }
  })
  const check = median(input.check)
  out.push({
    name: `Check → feedback ≤ ${CHECK_BUDGET_MS} ms`,
    pass: Number.isFinite(check) && check <= CHECK_BUDGET_MS,
    detail: Number.isFinite(check) ? `median ${check.toFixed(1)} ms of ${input.check.length}` : 'not measured',
  })
  const bad = input.chunks.filter(c => c.reasons.length)
  out.push({
    name: 'no quiz or Mermaid code on slide 1',
    pass: input.chunks.length > 0 && bad.length === 0,
    detail: input.chunks.length === 0
      ? 'no chunk list recorded'
      : bad.length ? bad.map(c => `${c.file} (${c.reasons.join('; ')})`).join(', ') : `${input.chunks.length} JS chunks, none flagged`,
  })
  return out
}

export function formatMs(ms: number): string {
  if (!Number.isFinite(ms))
    return 'n/a'
  return ms >= 10_000 ? `${(ms / 1000).toFixed(1)} s` : ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(ms < 100 ? 1 : 0)} ms`
}

export function formatBytes(b: number): string {
  if (!Number.isFinite(b))
    return 'n/a'
  return b >= 1024 * 1024 ? `${(b / 1024 / 1024).toFixed(2)} MiB` : b >= 1024 ? `${(b / 1024).toFixed(1)} KiB` : `${Math.round(b)} B`
}

export function formatValue(metric: Metric, v: number): string {
  return METRIC_UNIT[metric] === 'bytes' ? formatBytes(v) : formatMs(v)
}

/** A GitHub Markdown table; `|` in cells is escaped. */
export function markdownTable(headers: readonly string[], rows: readonly (readonly string[])[], align?: readonly ('l' | 'r')[]): string {
  const esc = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ')
  const sep = headers.map((_, i) => (align?.[i] === 'r' ? '---:' : '---'))
  return [headers, sep, ...rows].map(r => `| ${r.map((c, i) => (i < headers.length && r !== sep ? esc(c) : c)).join(' | ')} |`).join('\n')
}

/** The results table: one row per figure, then Check → feedback. */
export function resultsTable(rows: readonly Row[], check: readonly number[], quick: boolean): string {
  const body = rows.map(r => [
    METRIC_LABEL[r.metric],
    formatValue(r.metric, r.kit),
    formatValue(r.metric, r.plain),
    x(r.ratio),
    `≤ ${x(quick ? QUICK_RATIO_LIMIT : RATIO_BUDGETS[r.metric])}`,
    `${r.n.kit} / ${r.n.plain}`,
  ])
  const c = median(check)
  body.push(['Check → feedback shown (kit only)', formatMs(c), '—', '—', `≤ ${CHECK_BUDGET_MS} ms`, `${check.length} / —`])
  return markdownTable(['figure', 'kit (median)', 'plain (median)', 'kit / plain', 'budget', 'samples kit / plain'], body, ['l', 'r', 'r', 'r', 'r', 'r'])
}

export const RESULTS_START = '<!-- bench:results:start -->'
export const RESULTS_END = '<!-- bench:results:end -->'

/** Replace the results section of docs/benchmarks.md (or append one), keeping the text above it. */
export function replaceResults(doc: string, results: string): string {
  const block = `${RESULTS_START}\n${results.trim()}\n${RESULTS_END}`
  const a = doc.indexOf(RESULTS_START)
  const b = doc.indexOf(RESULTS_END)
  if (a >= 0 && b > a)
    return `${doc.slice(0, a)}${block}${doc.slice(b + RESULTS_END.length)}`
  return `${doc.trimEnd()}\n\n${block}\n`
}
