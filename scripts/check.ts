/**
 * `npm run check`: validate every data file of the kit and lint the pages.
 *
 * - sources/ (ledger, references, glossary, retired ids) against their
 *   schemas, and the ledger's own rules (lib/ledger/rules.ts): a quotation
 *   has a named speaker, a reported fact a known outlet, …;
 * - quizzes/ against their schema and the ledger, with keys derived from it;
 *   every bank on a slide;
 * - the deck's Markdown (slides.md, pages/*.md): every import, every
 *   `<!-- kit:… -->` marker and every `<Quiz>`, `<AnswerKey>`, `<Fact>`,
 *   `<Cite>`, `<Quote>`, `<Status>`, `<Sources>` and `<Glossary>` against the
 *   data. All of the above is lib/content.ts `readKit`, the same check the
 *   build and the dev server run;
 * - pages/*.md (check only): no hand-typed figure, no name the ledger,
 *   references and glossary do not know, outside background only in
 *   "Outside the article [ctx-…]" notes blocks (lib/lint.ts).
 *
 * Prints each problem as `file:line field: message` and exits 1 on any.
 * Also reports (without failing) ledger entries that no slide or quiz uses,
 * and how many answers are judged rather than derived from the ledger.
 * docs/authoring-errors.md lists the messages.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { listFiles, readKit } from '../lib/content.ts'
import { citedIds, formatLintIssue, ledgerNumbers, lintNames, lintPage, nameVocabulary } from '../lib/lint.ts'
import type { LintIssue } from '../lib/lint.ts'
import { formatIssue } from '../lib/load.ts'
import { isJudged } from '../lib/quiz/validate.ts'

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

  // The page lints. Their reference checks are the page check's (readKit), so
  // only figures and names are kept from them; ids and figures of ledger
  // entries that have errors of their own count as known, so nothing
  // cascades from them. Names are checked once the sources are sound.
  const lint: LintIssue[] = []
  if (sources.usable.facts) {
    const known = new Set([...c.facts.map(f => f.id), ...sources.brokenFacts])
    const numbers = new Set([...ledgerNumbers(c.facts), ...sources.brokenNumbers])
    for (const p of pages) {
      for (const i of lintPage(p.text, p.file, c.facts, known, numbers)) {
        if (!/^<(?:Fact|Cite|Quote|Status)\b/.test(i.message))
          lint.push(i)
      }
    }
  }
  if (!sources.issues.length) {
    // Every YAML text in quizzes/ (banks and untested.yaml) may name things too.
    const quizTexts = listFiles(root, 'quizzes', /\.ya?ml$/).flatMap((f) => {
      try {
        return [readFileSync(join(root, f), 'utf8')]
      }
      catch {
        return [] // a folder or an unreadable file: reported by readKit
      }
    })
    const vocab = nameVocabulary(c.facts, c.references, c.glossary, [...pages.map(p => p.text), ...quizTexts])
    for (const p of pages)
      lint.push(...lintNames(p.text, p.file, vocab))
  }
  lint.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line)

  for (const i of kit.issues)
    out.error(formatIssue(i))
  for (const i of lint)
    out.error(formatLintIssue(i))

  const questions = kit.quizzes.flatMap(q => q.quiz.questions)
  out.log(`check: ${c.facts.length} facts, ${c.references.length} references, ${c.glossary.length} glossary terms, ${kit.quizzes.length} question banks (${questions.length} questions), ${pages.length} pages`)
  if (!kit.dataIssues.length) {
    const judged = questions.filter(isJudged)
    out.log(`check: ${judged.length} questions have an answer the ledger cannot decide, marked \`judged: true\` (list them: grep -n "judged: true" quizzes/*.yaml)`)
    const used = new Set([...kit.pages.flatMap(p => [...citedIds(p.text)]), ...questions.flatMap(x => x.facts)])
    const unused = c.facts.filter(f => !used.has(f.id)).map(f => f.id)
    if (unused.length)
      out.log(`check: ${unused.length} ledger entries used by no slide and no question: ${unused.join(', ')}`)
  }
  if (!sources.usable.facts)
    out.error('check: the pages\' figures were not checked, as the ledger could not be read')
  const total = kit.issues.length + lint.length
  if (total) {
    out.error(`check: ${total} problem(s) found; docs/authoring-errors.md explains each message`)
    return 1
  }
  out.log('check: OK')
  return 0
}

if (import.meta.url === `file://${process.argv[1]}`)
  process.exitCode = check(process.cwd())
