/**
 * Temporary copies of the kit, each with one authoring mistake, for the
 * tests that prove every mistake stops `check` and the build with its
 * message (tests/unit/authoring/*.test.ts).
 */
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'

export const ROOT = resolve(import.meta.dirname, '../../..')

/** What a build needs besides the data: Slidev's setup, the components, styles … */
const DECK = ['slides.md', 'pages', 'sources', 'quizzes', 'setup', 'lib', 'components', 'composables', 'layouts', 'styles', 'public', 'global-bottom.vue', 'package.json', 'tsconfig.json']

/** What `npm run check` reads. */
const DATA = ['slides.md', 'pages', 'sources', 'quizzes']

/**
 * A copy of the kit in a temporary folder (node_modules linked, not copied):
 * everything a build needs, or with `{ data: true }` only the data and pages
 * that `check` reads. Remove it with `dispose`.
 */
export function copyProject(opts: { data?: boolean } = {}): string {
  const dir = mkdtempSync(join(tmpdir(), 'kit-authoring-'))
  for (const f of opts.data ? DATA : DECK) {
    if (existsSync(join(ROOT, f)))
      cpSync(join(ROOT, f), join(dir, f), { recursive: true })
  }
  symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'), 'dir')
  return dir
}

export function dispose(dir: string): void {
  rmSync(dir, { recursive: true, force: true })
}

export function read(root: string, file: string): string {
  return readFileSync(join(root, file), 'utf8')
}

export function write(root: string, file: string, text: string | Uint8Array): void {
  writeFileSync(join(root, file), text)
}

/** Replace the first occurrence of `from` in `file` (which must hold it). */
export function edit(root: string, file: string, from: string | RegExp, to: string): void {
  const text = read(root, file)
  if (typeof from === 'string' ? !text.includes(from) : !from.test(text))
    throw new Error(`fixture: ${file} does not hold ${String(from)}`)
  write(root, file, text.replace(from, to))
}

/** Append a slide holding `body` to a page; returns the line `body` starts on. */
export function appendSlide(root: string, file: string, body: string): number {
  const text = read(root, file).replace(/\n*$/, '\n')
  const slide = `\n---\n\n# Extra\n\n${body}\n`
  write(root, file, text + slide)
  return text.split('\n').length + 5
}

/** 1-based line of the first line of `file` that contains `needle`. */
export function lineOf(root: string, file: string, needle: string): number {
  const i = read(root, file).split('\n').findIndex(l => l.includes(needle))
  if (i < 0)
    throw new Error(`fixture: ${file} has no line with ${needle}`)
  return i + 1
}

/** Index of the top-level list entry (`- ` at column 0) that holds `line`. */
export function entryAt(root: string, file: string, line: number): number {
  return read(root, file).split('\n').slice(0, line).filter(l => l.startsWith('- ')).length - 1
}

/** Index of the question (`  - ` under `questions:`) that holds `line` in a quiz file. */
export function questionAt(root: string, file: string, line: number): number {
  return read(root, file).split('\n').slice(0, line).filter(l => l.startsWith('  - ')).length - 1
}
