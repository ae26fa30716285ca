/**
 * How the build and the dev server report authoring mistakes (a misspelt
 * marker, an unknown bank or ledger id, a malformed data file), in one
 * place shared by `setup/preparser.ts` and the data plugin
 * (`lib/vite/content.ts`):
 *
 * - `npm run build` and `npm run export` print every problem as
 *   `file:line field: message`, with no stack trace, and exit 1 (`stop`);
 * - `npm run dev` keeps serving: it prints the problems in the terminal
 *   (again whenever the list changes), shows them in Vite's error overlay,
 *   and puts an error box in the deck where the broken marker or component
 *   was (`errorHtml`). Fixing the file updates the deck.
 *
 * Slidev loads the preparser and the Vite plugins as separate module
 * graphs, so the shared state lives on `globalThis`.
 */
import type { DataIssue } from './load.ts'
import { formatIssue } from './load.ts'

/** Where the teacher can look a message up. */
export const ERRORS_DOC = 'docs/authoring-errors.md'

interface State {
  issues: DataIssue[]
  printed: string
  listeners: Set<(issues: readonly DataIssue[]) => void>
}

const KEY = Symbol.for('repatriation-kit.authoring')

function state(): State {
  const g = globalThis as unknown as Record<symbol, State | undefined>
  return (g[KEY] ??= { issues: [], printed: '', listeners: new Set() })
}

/** The report as printed: a heading, then one `file:line field: message` per problem. */
export function report(issues: readonly DataIssue[]): string {
  const n = issues.length
  return [`The kit has ${n} authoring problem${n === 1 ? '' : 's'} (${ERRORS_DOC} explains each message):`, ...issues.map(formatIssue)].join('\n')
}

/** Print the report to stderr and exit 1: no stack trace, nothing built. */
export function stop(issues: readonly DataIssue[]): never {
  process.stderr.write(`\n${report(issues)}\n\nBuild stopped: nothing was written.\n`)
  process.exit(1)
}

/**
 * Dev server: record the current problems; print them when they changed
 * (or "fixed" when they are gone), and tell the overlay.
 */
export function publish(issues: readonly DataIssue[]): void {
  const s = state()
  const text = issues.map(formatIssue).join('\n')
  s.issues = [...issues]
  if (text !== s.printed) {
    process.stderr.write(issues.length ? `\n[kit] ${report(issues)}\n\n` : s.printed ? '\n[kit] every authoring problem is fixed\n\n' : '')
    s.printed = text
  }
  s.listeners.forEach(fn => fn(s.issues))
}

/** The problems last published. */
export function current(): readonly DataIssue[] {
  return state().issues
}

/** Be told whenever problems are published; returns the unsubscribe function. */
export function subscribe(fn: (issues: readonly DataIssue[]) => void): () => void {
  state().listeners.add(fn)
  return () => state().listeners.delete(fn)
}

/**
 * Text shown as itself inside a slide: every ASCII punctuation character
 * becomes a character reference, so that neither HTML, Vue (`{{ }}`),
 * Markdown (backticks, `--` typography) nor MDC (`:name`) reads it as markup.
 */
export function escapeHtml(text: string): string {
  return text.replace(/[!-/:-@[-`{-~]/g, c => `&#${c.charCodeAt(0)};`)
}

/**
 * The dev server's stand-in for a broken marker or component: a box in the
 * deck that says what is wrong. One line of HTML (`v-pre`: Vue does not read
 * it as a template), so it can replace a whole slide or a tag inside a line.
 */
export function errorHtml(issues: readonly DataIssue[]): string {
  const style = 'display:block;margin:0.5rem 0;padding:0.6rem 0.8rem;border:2px solid #b91c1c;border-radius:4px;background:#fef2f2;color:#7f1d1d;font:0.75rem/1.4 ui-monospace,monospace;white-space:pre-wrap;text-align:left'
  const lines = issues.map(i => escapeHtml(formatIssue(i))).join('<br>')
  return `<span class="kit-authoring-error" role="alert" v-pre style="${style}"><strong>Authoring error</strong> (the build stops on it; see ${ERRORS_DOC}):<br>${lines}</span>`
}
