/**
 * `npm run export:quiz`: export the question bank (every bank `listBanks`
 * finds in `quizzes/`) for learning platforms, into `exports/`:
 *
 * - `gift/NN-name.gift` per module and `gift/all.gift` (Moodle, GIFT format);
 * - `qti/repatriation-leverage-qti3.zip` (QTI 3.0 content package);
 * - `kahoot/repatriation-leverage-kahoot.xlsx` (Kahoot! spreadsheet).
 *
 * Prints each file written with its size in bytes, and the questions the
 * Kahoot sheet skipped. Files it wrote last time that are no longer made (the
 * GIFT file of a bank since removed) are removed, and named; it knows them
 * from `exports/.export-quiz.json`, and never touches any other file.
 * Exits 1, writing nothing, on any problem in the kit (the same check as
 * `npm run check` and the build), printed as `file:line field: message`.
 * See docs/importing.md.
 */
import type { BankModule } from '../lib/export/index.ts'
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { readKit } from '../lib/content.ts'
import { exportBank, exportContext, ExportError } from '../lib/export/index.ts'
import { formatManifest, MANIFEST, parseManifest, staleFiles } from '../lib/export/manifest.ts'
import { formatIssue } from '../lib/load.ts'

const EXPORT_DIR = 'exports'

export async function exportQuiz(root: string, log = (l: string) => console.log(l), error = (l: string) => console.error(l)): Promise<number> {
  const kit = readKit(root)
  if (kit.issues.length) {
    kit.issues.forEach(i => error(formatIssue(i)))
    error(`export:quiz: ${kit.issues.length} problem(s) found; nothing written (docs/authoring-errors.md explains each message)`)
    return 1
  }
  if (!kit.quizzes.length) {
    error('export:quiz: there is no question bank in quizzes/; nothing written')
    return 1
  }
  const ctx = exportContext(kit.content)
  const modules: BankModule[] = kit.quizzes.map(q => ({ slug: q.stem, quiz: q.quiz }))

  let result: Awaited<ReturnType<typeof exportBank>>
  try {
    result = await exportBank(modules, ctx)
  }
  catch (e) {
    if (e instanceof ExportError) {
      error(`export:quiz: ${e.message}`)
      return 1
    }
    throw e
  }

  const out = join(root, EXPORT_DIR)
  const manifestPath = join(out, MANIFEST)
  const previous = parseManifest(existsSync(manifestPath) ? readFileSync(manifestPath, 'utf8') : undefined)
  const now = result.files.map(f => f.path)

  const questions = modules.reduce((n, m) => n + m.quiz.questions.length, 0)
  log(`export:quiz: ${questions} questions in ${modules.length} module(s)`)
  for (const f of result.files) {
    const path = join(out, f.path)
    mkdirSync(dirname(path), { recursive: true })
    writeFileSync(path, f.data)
    log(`wrote ${EXPORT_DIR}/${f.path} (${f.data.byteLength} bytes)`)
  }
  // Only what this script wrote last time, and no longer makes.
  for (const p of staleFiles(previous, now)) {
    const path = join(out, p)
    if (existsSync(path) && statSync(path).isFile()) {
      rmSync(path)
      log(`removed ${EXPORT_DIR}/${p}: export:quiz wrote it last time, and its bank is gone`)
    }
  }
  writeFileSync(manifestPath, formatManifest(now))
  // Other files beside ours: left alone, but named, since an old export among them could be imported by mistake.
  const written = new Set(now)
  for (const dir of [...new Set(now.map(p => dirname(p)))].sort()) {
    for (const name of readdirSync(join(out, dir)).sort()) {
      const p = `${dir}/${name}`
      if (!written.has(p) && statSync(join(out, p)).isFile())
        log(`note: ${EXPORT_DIR}/${p} was not written by export:quiz, so it was left as it is`)
    }
  }

  const { rows, skipped, unsupported } = result.kahoot
  log(`kahoot: ${rows.length} question(s) exported; ${skipped.length} choice or true/false question(s) skipped:`)
  for (const s of skipped)
    log(`  - ${s.id} (module ${s.module}, ${s.type}): ${s.reason}`)
  if (unsupported.length) {
    const types = [...new Set(unsupported.map(s => s.type))].join(', ')
    log(`kahoot: ${unsupported.length} question(s) of other types (${types}) left out; all are listed on the sheet "Skipped"`)
  }
  return 0
}

if (import.meta.url === `file://${process.argv[1]}`)
  process.exitCode = await exportQuiz(process.cwd())
