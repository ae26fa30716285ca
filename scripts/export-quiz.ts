/**
 * `npm run export:quiz`: export the question bank (`quizzes/NN-*.yaml`) for
 * learning platforms, into `exports/`:
 *
 * - `gift/NN-name.gift` per module and `gift/all.gift` (Moodle, GIFT format);
 * - `qti/repatriation-leverage-qti3.zip` (QTI 3.0 content package);
 * - `kahoot/repatriation-leverage-kahoot.xlsx` (Kahoot! spreadsheet).
 *
 * Prints each file written with its size in bytes, and the questions the
 * Kahoot sheet skipped. Exits 1 on any data problem, printed as
 * `file:line field: message`. See docs/importing.md.
 */
import type { BankModule } from '../lib/export/index.ts'
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { listFiles, loadSources } from '../lib/content.ts'
import { exportBank, exportContext, ExportError, GIFT_DIR, slugOf } from '../lib/export/index.ts'
import { DataError, formatIssue, parseYaml } from '../lib/load.ts'
import type { DataIssue } from '../lib/load.ts'
import { loadQuizFile, validateBank } from '../lib/quiz/validate.ts'

const EXPORT_DIR = 'exports'
const QUIZ_FILE = /^\d{2}-.+\.yaml$/

function fail(issues: DataIssue[]): never {
  for (const i of issues)
    console.error(formatIssue(i))
  console.error(`export:quiz: ${issues.length} problem(s) found; nothing written`)
  process.exit(1)
}

const root = process.cwd()

let content: ReturnType<typeof loadSources>
try {
  content = loadSources(root)
}
catch (e) {
  if (e instanceof DataError)
    fail(e.issues)
  throw e
}
const ctx = exportContext(content)

const files = listFiles(root, 'quizzes', QUIZ_FILE)
if (!files.length) {
  console.error('export:quiz: no quizzes/NN-*.yaml files found; nothing written')
  process.exit(1)
}

const modules: BankModule[] = []
const issues: DataIssue[] = []
const located: { file: string, quiz: BankModule['quiz'], lineOf: (path: readonly (string | number)[]) => number }[] = []
for (const file of files) {
  const text = readFileSync(join(root, file), 'utf8')
  try {
    const quiz = loadQuizFile(text, file, ctx.ledger)
    modules.push({ slug: slugOf(file), quiz })
    located.push({ file, quiz, lineOf: parseYaml(text, file).lineOf })
  }
  catch (e) {
    if (e instanceof DataError)
      issues.push(...e.issues)
    else
      throw e
  }
}
issues.push(...validateBank(located))
if (issues.length)
  fail(issues)

let result: Awaited<ReturnType<typeof exportBank>>
try {
  result = await exportBank(modules, ctx)
}
catch (e) {
  if (e instanceof ExportError) {
    console.error(`export:quiz: ${e.message}`)
    process.exit(1)
  }
  throw e
}

// GIFT files of modules that no longer exist would be imported by mistake: remove them.
const giftDir = join(root, EXPORT_DIR, GIFT_DIR)
const keep = new Set(result.files.map(f => join(root, EXPORT_DIR, f.path)))
try {
  for (const name of readdirSync(giftDir)) {
    const path = join(giftDir, name)
    if (name.endsWith('.gift') && !keep.has(path)) {
      rmSync(path)
      console.log(`removed stale ${join(EXPORT_DIR, GIFT_DIR, name)}`)
    }
  }
}
catch {
  // No gift folder yet.
}

const questions = modules.reduce((n, m) => n + m.quiz.questions.length, 0)
console.log(`export:quiz: ${questions} questions in ${modules.length} module(s)`)
for (const f of result.files) {
  const path = join(root, EXPORT_DIR, f.path)
  mkdirSync(dirname(path), { recursive: true })
  writeFileSync(path, f.data)
  console.log(`wrote ${join(EXPORT_DIR, f.path)} (${f.data.byteLength} bytes)`)
}

const { rows, skipped, unsupported } = result.kahoot
console.log(`kahoot: ${rows.length} question(s) exported; ${skipped.length} choice or true/false question(s) skipped:`)
for (const s of skipped)
  console.log(`  - ${s.id} (module ${s.module}, ${s.type}): ${s.reason}`)
if (unsupported.length) {
  const types = [...new Set(unsupported.map(s => s.type))].join(', ')
  console.log(`kahoot: ${unsupported.length} question(s) of other types (${types}) left out; all are listed on the sheet "Skipped"`)
}
