/**
 * Check a quiz against the fact ledger, so that no quiz can teach a figure,
 * date or status the ledger does not hold. Every problem is reported as a
 * `DataIssue` (`file:line field: message`); nothing throws except
 * `loadQuizFile`, which throws one `DataError` listing them all.
 *
 * Pure: takes text and data, never touches the file system.
 */
import type { DataIssue } from '../load.ts'
import type { Ledger } from './derive.ts'
import type { Question } from './types/index.ts'
import { DataError, loadYaml, parseYaml } from '../load.ts'
import { QuizFile } from './schema.ts'
import { typeOf } from './types/index.ts'
import { checkCitations } from './types/shared.ts'

/** A path into the quiz data, e.g. `['questions', 2, 'options', 1, 'why']`. */
export type Path = readonly (string | number)[]

/** Where a path is in the source: its 1-based line, and the file when known. */
export type Where = (path: Path) => { line: number, file?: string }

/** Report into this list; `at` is relative to the question being checked. */
type Report = (at: Path, message: string) => void

/** Check one quiz against the ledger. Returns every issue, in file order; `[]` when the quiz is sound. */
export function validateQuiz(quiz: QuizFile, ledger: Ledger, where: Where = () => ({ line: 1 })): DataIssue[] {
  const issues: DataIssue[] = []
  const seen = new Map<string, number>()
  quiz.questions.forEach((q, i) => {
    const report: Report = (at, message) => issues.push(issueAt(where, ['questions', i, ...at], message))
    const first = seen.get(q.id)
    if (first !== undefined)
      report(['id'], `duplicate question id \`${q.id}\` (first used by question ${first + 1})`)
    else
      seen.set(q.id, i)
    checkQuestion(q, ledger, report)
  })
  return issues
}

/** One quiz of the bank, with where it came from. */
export interface BankEntry {
  file: string
  quiz: QuizFile
  /** Line of a path, from `parseYaml`; default: line 1. */
  lineOf?: (path: Path) => number
}

/** Check the whole bank: question ids must be unique across files, since saved progress is keyed by them. */
export function validateBank(quizzes: readonly BankEntry[]): DataIssue[] {
  const issues: DataIssue[] = []
  const firstUse = new Map<string, string>()
  for (const { file, quiz, lineOf } of quizzes) {
    quiz.questions.forEach((q, i) => {
      const path = ['questions', i, 'id']
      const line = lineOf?.(path) ?? 1
      const first = firstUse.get(q.id)
      if (first === undefined)
        firstUse.set(q.id, `${file}:${line}`)
      else
        issues.push({ file, line, field: path.join('.'), message: `duplicate question id \`${q.id}\`, first used at ${first}` })
    })
  }
  return issues
}

/**
 * Parse, schema-check and ledger-check a quiz file. Throws a `DataError`
 * listing every issue with its line (schema issues first, as ledger checks
 * need a well-formed file).
 */
export function loadQuizFile(text: string, file: string, ledger: Ledger): QuizFile {
  const quiz = loadYaml(text, file, QuizFile)
  const { lineOf } = parseYaml(text, file)
  const issues = [
    ...checkFileName(quiz, file, lineOf),
    ...validateQuiz(quiz, ledger, path => ({ file, line: lineOf(path) })),
  ]
  if (issues.length)
    throw new DataError(issues)
  return quiz
}

function issueAt(where: Where, path: Path, message: string): DataIssue {
  const { line, file } = where(path)
  return { file: file ?? '(quiz)', line, field: path.join('.'), message }
}

/** `quizzes/03-name.yaml` must hold `module: 3`. */
function checkFileName(quiz: QuizFile, file: string, lineOf: (path: Path) => number): DataIssue[] {
  const nn = /(?:^|[\\/])(\d+)-[^\\/]*$/.exec(file)?.[1]
  if (nn === undefined || Number(nn) === quiz.module)
    return []
  return [{ file, line: lineOf(['module']), field: 'module', message: `module ${quiz.module} does not match the file name (${nn}-…)` }]
}

// ─── Per question ────────────────────────────────────────────────────────────

/**
 * The citations every question shares (each cited id, and each part's
 * `fact` and `restates`, in the ledger and listed in `facts`), then the
 * checks of the question's own type (`check` in its module).
 */
function checkQuestion(q: Question, ledger: Ledger, report: Report): void {
  const t = typeOf(q)
  checkCitations(q, t.citing(q), ledger, report)
  t.check(q, ledger, report)
}

/** Whether any answer of `q` is marked as the author's judgement (`judged: true`). */
export function isJudged(q: Question): boolean {
  return typeOf(q).judged(q)
}
