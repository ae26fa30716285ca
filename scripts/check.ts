/**
 * `npm run check`: validate every data file of the kit and lint the pages.
 *
 * - sources/ (ledger, references, glossary, retired ids) against their
 *   schemas, and the ledger's own rules (lib/ledger/rules.ts): a quotation
 *   has a named speaker, a reported fact a known outlet, …;
 * - quizzes/ against their schema and the ledger, with keys derived from it;
 * - pages/*.md: no hand-typed figure, no unknown ledger id, no name the
 *   ledger, references and glossary do not know, outside background only in
 *   "Outside the article [ctx-…]" notes blocks.
 *
 * Prints each problem as `file:line field: message` and exits 1 on any.
 * Also reports (without failing) ledger entries that no slide or quiz uses,
 * and how many answers are judged rather than derived from the ledger.
 */
import { isJudged } from '../lib/quiz/validate.ts'
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { DataIssue } from '../lib/load.ts'
import { listFiles, loadQuizzes, loadSources } from '../lib/content.ts'
import { checkLedgerRules, RULE_FILES } from '../lib/ledger/rules.ts'
import type { LineOf } from '../lib/ledger/rules.ts'
import { RetiredFile } from '../lib/ledger/schema.ts'
import type { RetiredEntry } from '../lib/ledger/schema.ts'
import { citedIds, formatLintIssue, lintNames, lintPage, nameVocabulary } from '../lib/lint.ts'
import { DataError, formatIssue, loadYaml, parseYaml } from '../lib/load.ts'

const root = process.cwd()

/** Run a loading step; a `DataError` becomes issues, anything else is a bug and throws. */
function collect<T>(issues: DataIssue[], step: () => T): T | undefined {
  try {
    return step()
  }
  catch (e) {
    if (!(e instanceof DataError))
      throw e
    issues.push(...e.issues)
    return undefined
  }
}

const issues: DataIssue[] = []
const c = collect(issues, () => loadSources(root))
const retired = collect(issues, () => existsSync(join(root, RULE_FILES.retired))
  ? loadYaml(readFileSync(join(root, RULE_FILES.retired), 'utf8'), RULE_FILES.retired, RetiredFile) as RetiredEntry[]
  : [])
if (c) {
  const lines: Partial<Record<keyof typeof RULE_FILES, LineOf>> = {}
  for (const key of Object.keys(RULE_FILES) as (keyof typeof RULE_FILES)[]) {
    const file = join(root, RULE_FILES[key])
    if (existsSync(file))
      lines[key] = parseYaml(readFileSync(file, 'utf8'), RULE_FILES[key]).lineOf
  }
  issues.push(...checkLedgerRules({ ...c, retired: retired ?? [], lines }))
}
const quizzes = c ? collect(issues, () => loadQuizzes(root, c.facts)) : undefined

const pages = listFiles(root, 'pages', /\.md$/)
const texts = pages.map(p => readFileSync(p, 'utf8'))
const lint = c
  ? (() => {
      const quizTexts = listFiles(root, 'quizzes', /\.ya?ml$/).map(f => readFileSync(join(root, f), 'utf8'))
      const vocab = nameVocabulary(c.facts, c.references, c.glossary, [...texts, ...quizTexts])
      return pages.flatMap((p, i) => [...lintPage(texts[i], p, c.facts), ...lintNames(texts[i], p, vocab)])
        .sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line)
    })()
  : []

for (const i of issues)
  console.error(formatIssue(i))
for (const i of lint)
  console.error(formatLintIssue(i))

if (c && quizzes) {
  const used = new Set([...texts.flatMap(t => [...citedIds(t)]), ...quizzes.flatMap(q => q.quiz.questions.flatMap(x => x.facts))])
  const unused = c.facts.filter(f => !used.has(f.id)).map(f => f.id)
  const questions = quizzes.flatMap(q => q.quiz.questions)
  const judged = questions.filter(isJudged)
  console.log(`check: ${c.facts.length} facts, ${c.references.length} references, ${c.glossary.length} glossary terms, ${quizzes.length} question banks (${questions.length} questions), ${pages.length} pages`)
  console.log(`check: ${judged.length} questions have an answer the ledger cannot decide, marked \`judged: true\` (list them: grep -n "judged: true" quizzes/*.yaml)`)
  if (unused.length)
    console.log(`check: ${unused.length} ledger entries used by no slide and no question: ${unused.join(', ')}`)
}
const total = issues.length + lint.length
if (total) {
  console.error(`check: ${total} problem(s) found`)
  process.exit(1)
}
console.log('check: OK')
