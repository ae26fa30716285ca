/**
 * `npm run check`: validate every data file of the kit and lint the pages.
 *
 * - sources/ (ledger, references, glossary) against their schemas;
 * - quizzes/ against their schema and the ledger; every bank on a slide;
 * - the deck's Markdown (slides.md, pages/*.md): every `<!-- kit:… -->`
 *   marker and every `<Quiz>`, `<AnswerKey>`, `<Fact>`, `<Cite>`, `<Quote>`,
 *   `<Status>`, `<Sources>` and `<Glossary>` against the data (the same check
 *   the build runs, lib/content.ts `readKit`);
 * - pages/*.md: no hand-typed figure (lib/lint.ts).
 *
 * Prints each problem as `file:line field: message` and exits 1 on any.
 * Also reports (without failing) ledger entries that no slide or quiz uses.
 * docs/authoring-errors.md lists the messages.
 */
import { formatIssue } from '../lib/load.ts'
import type { DataIssue } from '../lib/load.ts'
import { readKit } from '../lib/content.ts'
import { citedIds, ledgerNumbers, lintPage } from '../lib/lint.ts'

/** Where `check` writes: the console, or a buffer in tests. */
export interface Out {
  log: (line: string) => void
  error: (line: string) => void
}

/** Run the check on the kit at `root`; returns the exit code (0 sound, 1 any problem). */
export function check(root: string, out: Out = { log: l => console.log(l), error: l => console.error(l) }): number {
  const kit = readKit(root)
  const { content: c, sources } = kit
  const pages = kit.pages.filter(p => p.file.startsWith('pages/'))

  // The figure lint. Its reference checks are the page check's (readKit), so
  // only its figures are kept; ids and figures of ledger entries that have
  // errors of their own count as known, so nothing cascades from them.
  const lint: DataIssue[] = []
  if (sources.usable.facts) {
    const known = new Set([...c.facts.map(f => f.id), ...sources.brokenFacts])
    const numbers = new Set([...ledgerNumbers(c.facts), ...sources.brokenNumbers])
    for (const p of pages) {
      for (const i of lintPage(p.text, p.file, c.facts, known, numbers)) {
        if (!/^<(?:Fact|Cite|Quote|Status)\b/.test(i.message))
          lint.push({ file: i.file, line: i.line, field: '(page)', message: i.message })
      }
    }
  }
  const issues = [...kit.issues, ...lint]
  for (const i of issues)
    out.error(formatIssue(i))

  const questions = kit.quizzes.reduce((n, q) => n + q.quiz.questions.length, 0)
  out.log(`check: ${c.facts.length} facts, ${c.references.length} references, ${c.glossary.length} glossary terms, ${kit.quizzes.length} question banks (${questions} questions), ${pages.length} pages`)
  if (!kit.dataIssues.length) {
    const used = new Set([...kit.pages.flatMap(p => [...citedIds(p.text)]), ...kit.quizzes.flatMap(q => q.quiz.questions.flatMap(x => x.facts))])
    const unused = c.facts.filter(f => !used.has(f.id)).map(f => f.id)
    if (unused.length)
      out.log(`check: ${unused.length} ledger entries used by no slide and no question: ${unused.join(', ')}`)
  }
  if (!sources.usable.facts)
    out.error('check: the pages\' figures were not checked, as the ledger could not be read')
  if (issues.length) {
    out.error(`check: ${issues.length} problem(s) found; docs/authoring-errors.md explains each message`)
    return 1
  }
  out.log('check: OK')
  return 0
}

if (import.meta.url === `file://${process.argv[1]}`)
  process.exitCode = check(process.cwd())
