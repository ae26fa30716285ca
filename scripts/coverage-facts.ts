/**
 * `npm run coverage:facts`: which ledger entries the question bank tests.
 *
 * Prints a table `ledger id → question ids`, then a summary line, and exits 1
 * when a documented, reported or quotation entry is tested by no question and
 * not listed in `quizzes/untested.yaml`, or when that file names an unknown id.
 * Malformed quiz files or a malformed `untested.yaml` are reported as
 * `file:line field: message` (exit 1).
 */
import { existsSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { coverageOk, coverageSummary, factCoverage, UntestedFile } from '../lib/coverage.ts'
import type { UntestedEntry } from '../lib/coverage.ts'
import { readDataFile, readKit, UNTESTED_FILE } from '../lib/content.ts'
import { DataError, formatIssue, loadYaml } from '../lib/load.ts'
import type { DataIssue } from '../lib/load.ts'

export function main(root: string): number {
  const issues: DataIssue[] = []
  const collect = <T>(load: () => T): T | undefined => {
    try {
      return load()
    }
    catch (e) {
      if (e instanceof DataError) {
        issues.push(...e.issues)
        return undefined
      }
      throw e
    }
  }

  // The same reading and checks as `npm run check` and the build (lib/content.ts).
  const kit = readKit(root)
  if (kit.issues.length) {
    kit.issues.forEach(i => console.error(formatIssue(i)))
    console.error(`coverage: the kit has ${kit.issues.length} problem(s); fix them first (\`npm run check\` lists them too)`)
    return 1
  }
  const sources = kit.content
  const ledger = new Map(sources.facts.map(f => [f.id, f]))
  const bank = kit.quizzes.map(q => ({ file: q.file, quiz: q.quiz }))

  const untestedPath = join(root, UNTESTED_FILE)
  // Empty, or only comments, when every entry is tested.
  const untested: UntestedEntry[] = existsSync(untestedPath)
    ? collect(() => loadYaml(readDataFile(root, UNTESTED_FILE), UNTESTED_FILE, UntestedFile, { allowEmpty: true })) ?? []
    : []

  if (issues.length) {
    issues.forEach(i => console.error(formatIssue(i)))
    console.error(`coverage: ${issues.length} problem(s) in ${UNTESTED_FILE}; fix them first`)
    return 1
  }

  const coverage = factCoverage(sources.facts, bank.map(b => b.quiz), untested)
  const reasons = new Map(coverage.untested.map(u => [u.id, u.reason]))
  const uncovered = new Set(coverage.uncovered)

  const header = ['ledger id', 'status', 'questions']
  const lines = coverage.rows.map(r => [
    r.id,
    r.status,
    r.questions.length
      ? r.questions.join(', ')
      : reasons.has(r.id)
        ? `(untested: ${reasons.get(r.id)})`
        : uncovered.has(r.id) ? 'UNCOVERED' : '—',
  ])
  const width = [0, 1].map(k => Math.max(header[k].length, ...lines.map(l => l[k].length)))
  const row = (cells: string[]) => `${cells[0].padEnd(width[0])}  ${cells[1].padEnd(width[1])}  ${cells[2]}`.trimEnd()
  // `--quiet` (used by `npm test`) prints only the summary and any problem.
  if (!process.argv.includes('--quiet')) {
    console.log(row(header))
    console.log(row(['-'.repeat(width[0]), '-'.repeat(width[1]), '-'.repeat(header[2].length)]))
    lines.forEach(l => console.log(row(l)))
    console.log('')
  }

  const questions = bank.reduce((n, b) => n + b.quiz.questions.length, 0)
  console.log(`${questions} questions in ${bank.length} quiz files`)
  for (const id of coverage.uncovered)
    console.log(`uncovered: \`${id}\` (${ledger.get(id)!.status}) is tested by no question; add one, or list it with a reason in ${UNTESTED_FILE}`)
  for (const id of coverage.unknownUntested)
    console.log(`${UNTESTED_FILE}: \`${id}\` is not in the ledger`)
  for (const id of coverage.untestedButCited)
    console.log(`note: \`${id}\` is listed in ${UNTESTED_FILE} but a question cites it; remove it from the list`)
  console.log(coverageSummary(coverage))
  return coverageOk(coverage) ? 0 : 1
}

if (import.meta.url === `file://${process.argv[1]}`)
  process.exitCode = main(resolve(dirname(fileURLToPath(import.meta.url)), '..'))
