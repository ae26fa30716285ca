/**
 * `npm run check`: validate every data file of the kit and lint the pages.
 *
 * - sources/ (ledger, references, glossary) against their schemas;
 * - quizzes/ against their schema and the ledger;
 * - pages/*.md: no hand-typed figure, no unknown ledger id.
 *
 * Prints each problem as `file:line field: message` and exits 1 on any.
 * Also reports (without failing) ledger entries that no slide or quiz uses.
 */
import { readFileSync } from 'node:fs'
import { listFiles, loadQuizzes, loadSources } from '../lib/content.ts'
import { citedIds, lintPage } from '../lib/lint.ts'
import { DataError } from '../lib/load.ts'

const root = process.cwd()
try {
  const c = loadSources(root)
  const quizzes = loadQuizzes(root, c.facts)
  const pages = listFiles(root, 'pages', /\.md$/)
  const texts = pages.map(p => readFileSync(p, 'utf8'))
  const issues = pages.flatMap((p, i) => lintPage(texts[i], p, c.facts))
  for (const i of issues)
    console.error(`${i.file}:${i.line} ${i.message}`)
  const used = new Set([...texts.flatMap(t => [...citedIds(t)]), ...quizzes.flatMap(q => q.quiz.questions.flatMap(x => x.facts))])
  const unused = c.facts.filter(f => !used.has(f.id)).map(f => f.id)
  const questions = quizzes.reduce((n, q) => n + q.quiz.questions.length, 0)
  console.log(`check: ${c.facts.length} facts, ${c.references.length} references, ${c.glossary.length} glossary terms, ${quizzes.length} question banks (${questions} questions), ${pages.length} pages`)
  if (unused.length)
    console.log(`check: ${unused.length} ledger entries used by no slide and no question: ${unused.join(', ')}`)
  if (issues.length) {
    console.error(`check: ${issues.length} problem(s) in pages/`)
    process.exit(1)
  }
  console.log('check: OK')
}
catch (e) {
  if (e instanceof DataError) {
    console.error(e.message)
    console.error(`check: ${e.issues.length} problem(s) found`)
    process.exit(1)
  }
  throw e
}
