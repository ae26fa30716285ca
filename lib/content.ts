/**
 * Load every data file of the kit from disk: the ledger, references and
 * glossary in `sources/`, the question banks in `quizzes/`, and the deck's
 * Markdown for the checks that span them.
 *
 * One place decides what the kit's data is, for every tool: `npm run check`,
 * the build and dev server (setup/preparser.ts, lib/vite/content.ts),
 * `export:quiz`, `coverage:facts` and the tests. In particular `listBanks` is
 * the only list of question banks.
 *
 * Every problem in every file is collected, each as `file:line field:
 * message`. One bad entry does not hide the rest, nor cascade: a ledger entry
 * with an error is reported once, and what cites it (glossary terms, quiz
 * questions, pages) is not reported again as "unknown".
 */
import type { LineOf } from './ledger/rules.ts'
import type { Fact, GlossaryEntry, Reference, RetiredEntry } from './ledger/schema.ts'
import type { DataIssue } from './load.ts'
import type { PageData } from './generate.ts'
import type { QuizFile } from './quiz/schema.ts'
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { basename, dirname, join, relative } from 'node:path'
import { MARKER, pageIssues } from './generate.ts'
import { checkLedgerRules, RULE_FILES } from './ledger/rules.ts'
import { FactsFile, GlossaryFile, ReferencesFile, RetiredFile } from './ledger/schema.ts'
import { DataError, decodeText, validateYaml } from './load.ts'
import { QuizFile as QuizFileSchema } from './quiz/schema.ts'
import { loadQuizFile, validateBank } from './quiz/validate.ts'
import { parseYaml } from './load.ts'
import { closest, didYouMean } from './suggest.ts'

export interface Content {
  facts: Fact[]
  references: Reference[]
  glossary: GlossaryEntry[]
}

export const SOURCE_FILES = {
  facts: 'sources/facts.yaml',
  references: 'sources/references.yaml',
  glossary: 'sources/glossary.yaml',
} as const

// ─── Reading one file ───────────────────────────────────────────────────────

/**
 * The text of a data file, `rel` to `root`. Throws a `DataError` (line 1,
 * field `(file)`) when it is missing, is a folder, cannot be read, or is not
 * UTF-8 (see `decodeText`).
 */
export function readDataFile(root: string, rel: string): string {
  const fail = (message: string): never => {
    throw new DataError([{ file: rel, line: 1, field: '(file)', message }])
  }
  let bytes: Uint8Array
  try {
    if (statSync(join(root, rel)).isDirectory())
      fail('this is a folder, but a data file was expected here; move the folder away and put the file back')
    bytes = readFileSync(join(root, rel))
  }
  catch (e) {
    if (e instanceof DataError)
      throw e
    const code = (e as NodeJS.ErrnoException).code
    if (code === 'ENOENT')
      fail('the file is missing')
    fail(code === 'EACCES' || code === 'EPERM' ? 'the file cannot be read (no permission)' : `the file cannot be read (${code ?? (e as Error).message})`)
  }
  return decodeText(bytes!, rel)
}

/** `fn` with any `DataError` turned into issues pushed onto `issues`; `undefined` then. */
function collect<T>(issues: DataIssue[], fn: () => T): T | undefined {
  try {
    return fn()
  }
  catch (e) {
    if (!(e instanceof DataError))
      throw e
    issues.push(...e.issues)
    return undefined
  }
}

// ─── Sources ────────────────────────────────────────────────────────────────

/** What `readSources` found: the valid entries, every issue, and what exists but is broken. */
export interface SourcesRead {
  content: Content
  /** `sources/retired.yaml`: ids that were split or withdrawn (empty when the file is absent). */
  retired: RetiredEntry[]
  issues: DataIssue[]
  /** Ids of ledger entries that exist but have errors (reported); references to them are not reported again. */
  brokenFacts: Set<string>
  /** Numbers written in broken entries, so the page lint does not flag a figure only they hold. */
  brokenNumbers: Set<number>
  /** Which files could be read at all (a file with a syntax error, or missing, could not). */
  usable: { facts: boolean, references: boolean, glossary: boolean }
}

/**
 * Read and validate `sources/`, never throwing on a data problem. Entries
 * are checked one by one: the good ones are kept, the bad ones reported.
 */
export function readSources(root: string): SourcesRead {
  const issues: DataIssue[] = []
  const lines: Partial<Record<keyof typeof SOURCE_FILES, (p: readonly PropertyKey[]) => number>> = {}
  const rejected: Partial<Record<keyof typeof SOURCE_FILES, unknown[]>> = {}
  const indices: Partial<Record<keyof typeof SOURCE_FILES, number[]>> = {}
  const usable = { facts: false, references: false, glossary: false }
  function read<T>(key: keyof typeof SOURCE_FILES, schema: typeof FactsFile | typeof ReferencesFile | typeof GlossaryFile): T[] {
    const rel = SOURCE_FILES[key]
    const text = collect(issues, () => readDataFile(root, rel))
    if (text === undefined)
      return []
    const r = validateYaml(text, rel, schema, { nonEmpty: true })
    issues.push(...r.issues)
    lines[key] = r.lineOf
    rejected[key] = r.rejected.map(x => x.raw)
    indices[key] = r.indices
    usable[key] = r.value !== undefined
    return (r.value ?? []) as T[]
  }
  const facts = read<Fact>('facts', FactsFile)
  const references = read<Reference>('references', ReferencesFile)
  const glossary = read<GlossaryEntry>('glossary', GlossaryFile)

  const idOf = (raw: unknown) => raw !== null && typeof raw === 'object' && typeof (raw as { id?: unknown }).id === 'string' ? (raw as { id: string }).id : undefined
  const brokenFacts = new Set((rejected.facts ?? []).map(idOf).filter((x): x is string => !!x))
  const brokenNumbers = new Set((JSON.stringify(rejected.facts ?? []).match(/\d+(?:\.\d+)?/g) ?? []).map(Number))
  const brokenFootnotes = new Set((rejected.references ?? []).flatMap((r) => {
    const n = (r as { footnote?: unknown } | null)?.footnote
    const id = idOf(r)?.match(/^fn(\d+)$/)?.[1]
    return [typeof n === 'number' ? n : undefined, id ? Number(id) : undefined].filter((x): x is number => x !== undefined)
  }))
  issues.push(...crossCheck({ facts, references, glossary }, {
    lineOf: (file, path) => lines[file]?.(path) ?? 1,
    indexIn: (file, i) => indices[file]?.[i] ?? i,
    brokenFacts,
    brokenFootnotes,
    usable,
  }))

  // Retired ids (optional file), then the ledger's own rules (lib/ledger/rules.ts).
  // The rules span entries and files, so they run once the files themselves
  // are sound: on a partly read ledger they would only echo the errors above.
  let retired: RetiredEntry[] = []
  let retiredLines: LineOf | undefined
  if (existsSync(join(root, RULE_FILES.retired))) {
    const text = collect(issues, () => readDataFile(root, RULE_FILES.retired))
    if (text !== undefined) {
      const r = validateYaml(text, RULE_FILES.retired, RetiredFile, { allowEmpty: true })
      issues.push(...r.issues)
      retired = r.value ?? []
      retiredLines = r.lineOf
    }
  }
  if (!issues.length) {
    issues.push(...checkLedgerRules({
      facts,
      references,
      glossary,
      retired,
      lines: { facts: lines.facts, references: lines.references, glossary: lines.glossary, retired: retiredLines },
    }))
  }
  return { content: { facts, references, glossary }, retired, issues, brokenFacts, brokenNumbers, usable }
}

/** Read and validate `sources/`. Throws `DataError` with every issue found. */
export function loadSources(root: string): Content {
  const r = readSources(root)
  if (r.issues.length)
    throw new DataError(r.issues)
  return r.content
}

interface CrossCheckContext {
  lineOf: (file: keyof typeof SOURCE_FILES, path: readonly PropertyKey[]) => number
  /** The index in the file of the `i`-th valid entry (entries with errors were left out). */
  indexIn: (file: keyof typeof SOURCE_FILES, i: number) => number
  brokenFacts: ReadonlySet<string>
  brokenFootnotes: ReadonlySet<number>
  usable: { facts: boolean, references: boolean, glossary: boolean }
}

/**
 * Checks that span files: unique ids, footnotes that exist, glossary links.
 * Each issue is at the line of the field; references to an entry that is
 * itself broken, or into a file that could not be read, are not reported.
 */
export function crossCheck(c: Content, ctx: CrossCheckContext = { lineOf: () => 1, indexIn: (_, i) => i, brokenFacts: new Set(), brokenFootnotes: new Set(), usable: { facts: true, references: c.references.length > 0, glossary: true } }): DataIssue[] {
  const issues: DataIssue[] = []
  const seen = new Map<string, number>()
  const factLine = (i: number, field: string) => ctx.lineOf('facts', [ctx.indexIn('facts', i), field])
  c.facts.forEach((f, i) => {
    const first = seen.get(f.id)
    if (first !== undefined)
      issues.push({ file: SOURCE_FILES.facts, line: factLine(i, 'id'), field: `${ctx.indexIn('facts', i)}.id`, message: `duplicate id \`${f.id}\` (first used at line ${factLine(first, 'id')})` })
    else
      seen.set(f.id, i)
  })
  const footnotes = new Set(c.references.map(r => r.footnote).filter(n => n !== undefined))
  if (ctx.usable.references) {
    c.facts.forEach((f, i) => {
      const check = (n: number, field: string) => {
        if (!footnotes.has(n) && !ctx.brokenFootnotes.has(n))
          issues.push({ file: SOURCE_FILES.facts, line: factLine(i, 'source'), field: `${ctx.indexIn('facts', i)}.source.${field}`, message: `footnote [${n}] is not in ${SOURCE_FILES.references}` })
      }
      f.source.footnotes.forEach(n => check(n, 'footnotes'))
      if (f.source.in_footnote)
        check(f.source.in_footnote, 'in_footnote')
    })
  }
  if (ctx.usable.facts) {
    c.glossary.forEach((g, i) => g.facts.forEach((id, j) => {
      if (!seen.has(id) && !ctx.brokenFacts.has(id))
        issues.push({ file: SOURCE_FILES.glossary, line: ctx.lineOf('glossary', [ctx.indexIn('glossary', i), 'facts', j]), field: `${ctx.indexIn('glossary', i)}.facts.${j}`, message: `unknown fact id \`${id}\`${didYouMean(id, seen.keys())}` })
    }))
  }
  return issues
}

// ─── Question banks ─────────────────────────────────────────────────────────

/** The question banks' folder, and the file there that is not a bank. */
export const BANK_DIR = 'quizzes'
export const UNTESTED_FILE = 'quizzes/untested.yaml'

/** A bank's file name: two digits, a hyphen, lower-case words joined by hyphens, `.yaml`. */
export const BANK_NAME = /^(\d\d)-([a-z0-9]+(?:-[a-z0-9]+)*)\.yaml$/

/** A question bank file and its stem, e.g. `quizzes/03-repatriation.yaml` and `03-repatriation`. */
export interface BankFile {
  file: string
  stem: string
}

/** The name a misnamed bank file should probably have, if one can be made. */
function suggestedName(name: string): string | undefined {
  const s = name
    .replace(/\.ya?ml$/i, '')
    .toLowerCase()
    .replace(/[\s_.]+/g, '-')
    .replace(/[^a-z0-9-]/g, '')
    .replace(/-+/g, '-')
    .replace(/^-|-$/g, '')
  const fixed = /^\d-/.test(s) ? `0${s}` : s
  return BANK_NAME.test(`${fixed}.yaml`) ? `${fixed}.yaml` : undefined
}

/**
 * THE list of question banks, for every tool: each `.yaml` (or `.yml`) file
 * in `quizzes/` except `untested.yaml`, in file-name order. A name that does
 * not follow `NN-name.yaml` is an issue (and the file is not a bank), so no
 * tool counts a bank that another leaves out. Other files (README.md) are
 * not banks; hidden files are ignored.
 */
export function listBanks(root: string): { banks: BankFile[], issues: DataIssue[], misnamed: string[] } {
  const banks: BankFile[] = []
  const issues: DataIssue[] = []
  /** The stems misnamed files would have once renamed: pages naming them are not reported again. */
  const misnamed: string[] = []
  let names: string[]
  try {
    names = readdirSync(join(root, BANK_DIR)).sort()
  }
  catch {
    return { banks, misnamed, issues: [{ file: `${BANK_DIR}/`, line: 1, field: '(folder)', message: 'the quizzes/ folder is missing' }] }
  }
  for (const name of names) {
    const file = `${BANK_DIR}/${name}`
    if (name.startsWith('.') || !/\.ya?ml$/i.test(name) || file === UNTESTED_FILE)
      continue
    let dir = false
    try {
      dir = statSync(join(root, file)).isDirectory()
    }
    catch {}
    if (dir) {
      issues.push({ file, line: 1, field: '(file)', message: 'this is a folder, but a question bank file was expected here; move the folder out of quizzes/' })
      continue
    }
    const m = BANK_NAME.exec(name)
    if (m) {
      banks.push({ file, stem: `${m[1]}-${m[2]}` })
      continue
    }
    const suggestion = suggestedName(name)
    if (suggestion)
      misnamed.push(suggestion.replace(/\.yaml$/, ''))
    const rename = suggestion ? `rename it to \`${suggestion}\`` : 'rename it'
    issues.push({
      file,
      line: 1,
      field: '(file name)',
      message: /\.yml$/i.test(name) && suggestion === name.replace(/\.yml$/i, '.yaml')
        ? `a question bank file ends in \`.yaml\`, not \`.yml\`: ${rename}`
        : `a question bank file is named \`NN-name.yaml\`: two digits, a hyphen, then lower-case words joined by hyphens, e.g. \`03-repatriation.yaml\`; ${rename}, or move it out of quizzes/`,
    })
  }
  return { banks, issues, misnamed }
}

/** A loaded question bank. */
export interface QuizEntry extends BankFile {
  quiz: QuizFile
}

/** What `readQuizzes` found: the valid banks, every issue, and the banks that exist but have errors. */
export interface QuizzesRead {
  quizzes: QuizEntry[]
  issues: DataIssue[]
  /** Stems of banks that exist but have errors (reported); pages naming them are not reported again. */
  broken: Set<string>
  /** Number of questions of every bank whose questions could be counted (the broken ones too, when parsable). */
  counts: Map<string, number | undefined>
}

/** Question ids a quiz question cites, from the raw YAML (the file may not be valid). */
function citedByQuestion(raw: unknown, i: number): string[] {
  const q = (raw as { questions?: unknown[] } | null)?.questions?.[i] as { facts?: unknown } | undefined
  return Array.isArray(q?.facts) ? q.facts.filter((x): x is string => typeof x === 'string') : []
}

/**
 * Read and validate every question bank against the ledger, never throwing
 * on a data problem. `sources` says which ledger entries are broken: a
 * question citing one is checked against the schema only (its ledger checks
 * would only repeat that entry's error); with no usable ledger at all,
 * every question is.
 */
export function readQuizzes(root: string, facts: readonly Fact[], sources?: Pick<SourcesRead, 'brokenFacts' | 'usable'>): QuizzesRead {
  const ledger = new Map(facts.map(f => [f.id, f]))
  const listed = listBanks(root)
  const issues: DataIssue[] = [...listed.issues]
  const quizzes: QuizEntry[] = []
  const broken = new Set<string>(listed.misnamed)
  const counts = new Map<string, number | undefined>()
  const located: { file: string, quiz: QuizFile, lineOf: (p: readonly (string | number)[]) => number }[] = []
  const ledgerUsable = sources?.usable.facts ?? true
  const brokenFacts = sources?.brokenFacts ?? new Set<string>()
  for (const bank of listed.banks) {
    const text = collect(issues, () => readDataFile(root, bank.file))
    if (text === undefined) {
      broken.add(bank.stem)
      counts.set(bank.stem, undefined)
      continue
    }
    const shape = validateYaml(text, bank.file, QuizFileSchema)
    const raw = shape.data
    const n = (raw as { questions?: unknown } | undefined)?.questions
    counts.set(bank.stem, Array.isArray(n) ? n.length : undefined)
    if (!ledgerUsable) {
      // No ledger to check against: the schema (and unique ids) alone.
      issues.push(...shape.issues)
      if (shape.issues.length || !shape.value) {
        broken.add(bank.stem)
      }
      else {
        quizzes.push({ ...bank, quiz: shape.value })
        located.push({ file: bank.file, quiz: shape.value, lineOf: shape.lineOf })
      }
      continue
    }
    try {
      const quiz = loadQuizFile(text, bank.file, ledger)
      quizzes.push({ ...bank, quiz })
      located.push({ file: bank.file, quiz, lineOf: parseYaml(text, bank.file).lineOf })
    }
    catch (e) {
      if (!(e instanceof DataError))
        throw e
      // Schema issues come alone (ledger checks need a well-formed file); the
      // ledger checks of a question that cites a broken entry only echo that
      // entry's error, so they are left out.
      const kept = shape.issues.length
        ? e.issues
        : e.issues.filter((issue) => {
            const q = /^questions\.(\d+)(?:\.|$)/.exec(issue.field)
            return !q || !citedByQuestion(raw, Number(q[1])).some(id => brokenFacts.has(id))
          })
      issues.push(...kept)
      if (kept.length)
        broken.add(bank.stem)
      else {
        // Sound, but for what a broken ledger entry makes it say.
        quizzes.push({ ...bank, quiz: shape.value! })
        located.push({ file: bank.file, quiz: shape.value!, lineOf: shape.lineOf })
      }
    }
  }
  issues.push(...validateBank(located))
  return { quizzes, issues, broken, counts }
}

/**
 * Read and validate every question bank against the ledger. Throws one
 * `DataError` listing every issue in every file, each as file:line field.
 */
export function loadQuizzes(root: string, facts: readonly Fact[]): QuizEntry[] {
  const r = readQuizzes(root, facts)
  if (r.issues.length)
    throw new DataError(r.issues)
  return r.quizzes
}

// ─── The deck's Markdown ────────────────────────────────────────────────────

/** Files below `dir` (relative to `root`) whose names match `re`, sorted. */
export function listFiles(root: string, dir: string, re: RegExp): string[] {
  let names: string[]
  try {
    names = readdirSync(join(root, dir))
  }
  catch {
    return []
  }
  return names.filter(f => re.test(f)).sort().map(f => relative(root, join(root, dir, f)))
}

/**
 * The deck's Markdown: every entry file at the root (a `.md` file that opens
 * with Slidev's `---` headmatter, such as `slides.md`) and every page in
 * `pages/`, relative to `root`.
 */
export function deckFiles(root: string): string[] {
  const entries = listFiles(root, '.', /\.md$/).filter((f) => {
    try {
      return /^---\s*$/m.test(readFileSync(join(root, f), 'utf8').split('\n', 1)[0])
    }
    catch {
      return false
    }
  })
  return [...entries, ...listFiles(root, 'pages', /\.md$/)]
}

/**
 * Banks whose questions are not all on a slide: no `<!-- kit:quiz NN-name -->`
 * marker includes them, and no `<Quiz>` names every question. The learner's
 * progress counts every question of every bank, so such a bank could never
 * be completed.
 */
export function unusedBanks(pages: readonly { file: string, text: string }[], counts: ReadonlyMap<string, number | undefined>, files: ReadonlyMap<string, string>): DataIssue[] {
  const included = new Set<string>()
  const asked = new Map<string, Set<number>>()
  for (const { text } of pages) {
    for (const line of text.split(/\r?\n/)) {
      const m = line.match(MARKER)
      if (m?.[1] === 'quiz' && m[2])
        included.add(m[2])
    }
    for (const m of text.matchAll(/<Quiz\b((?:[^>"']|"[^"]*"|'[^']*')*)>/g)) {
      const bank = m[1].match(/\bbank="([^"]+)"/)?.[1]
      const n = m[1].match(/:question="\s*(\d+)\s*"/)?.[1]
      if (bank)
        (asked.get(bank) ?? asked.set(bank, new Set()).get(bank)!).add(n ? Number(n) : 1)
    }
  }
  // A marker that misspells a bank is reported on its page; the bank it meant is not reported again.
  for (const name of [...included])
    if (!counts.has(name))
      included.add(closest(name, counts.keys()) ?? name)
  const issues: DataIssue[] = []
  for (const [stem, count] of counts) {
    if (included.has(stem))
      continue
    const file = files.get(stem) ?? `${BANK_DIR}/${stem}.yaml`
    const on = asked.get(stem)
    if (!on) {
      issues.push({ file, line: 1, field: '(file)', message: `no page includes this bank, so its questions are on no slide (and a learner's progress could never reach 100 %): add the line \`<!-- kit:quiz ${stem} -->\` to a page, or move the file out of quizzes/` })
      continue
    }
    if (count === undefined)
      continue
    const missing = Array.from({ length: count }, (_, i) => i + 1).filter(n => !on.has(n))
    if (missing.length)
      issues.push({ file, line: 1, field: '(file)', message: `question${missing.length > 1 ? 's' : ''} ${missing.join(', ')} of this bank ${missing.length > 1 ? 'are' : 'is'} on no slide (and a learner's progress could never reach 100 %): include the whole bank with \`<!-- kit:quiz ${stem} -->\`, or add a \`<Quiz bank="${stem}" :question="N" />\` for each` })
  }
  return issues
}

/**
 * Imports (`src: ./pages/03-name.md` in a slide's frontmatter) that name no
 * file: Slidev notes them in a list it never prints, and builds the deck
 * without the module.
 */
export function importIssues(root: string, pages: readonly { file: string, text: string }[]): DataIssue[] {
  const issues: DataIssue[] = []
  for (const { file, text } of pages) {
    text.split(/\r?\n/).forEach((line, i) => {
      const m = /^src:\s*['"]?([^'"#\s]+)(?:#\S*)?['"]?\s*$/.exec(line)
      if (!m)
        return
      const target = m[1].startsWith('/') ? join(root, m[1]) : join(root, dirname(file), m[1])
      let ok = false
      try {
        ok = statSync(target).isFile()
      }
      catch {}
      if (ok)
        return
      const dir = dirname(target)
      let near = ''
      try {
        const names = readdirSync(dir).filter(n => n.endsWith('.md'))
        const c = closest(basename(target), names)
        if (c)
          near = `; did you mean \`${m[1].replace(/[^/]*$/, c)}\`?`
      }
      catch {}
      issues.push({ file, line: i + 1, field: `src: ${m[1]}`, message: `there is no such file, so this part of the deck would be missing${near}` })
    })
  }
  return issues
}

// ─── Everything at once ─────────────────────────────────────────────────────

/** The whole kit, read and checked: what every tool works from. */
export interface Kit {
  content: Content
  quizzes: QuizEntry[]
  /** Every problem, data files first, then pages; empty when the kit is sound. */
  issues: DataIssue[]
  /** The subset of `issues` in data files (sources/, quizzes/). */
  dataIssues: DataIssue[]
  /** The deck's Markdown files and their text. */
  pages: { file: string, text: string }[]
  /** What page references are checked against (also used by the preparser for one file). */
  pageData: PageData
  /** Sources read, for callers that need to know what is broken. */
  sources: SourcesRead
  /** Banks read, likewise. */
  banks: QuizzesRead
}

/** `PageData` for what was read. */
function pageDataOf(sources: SourcesRead, banks: QuizzesRead): PageData {
  const facts = new Map<string, string | undefined>(sources.content.facts.map(f => [f.id, f.value.kind]))
  sources.brokenFacts.forEach(id => facts.has(id) || facts.set(id, undefined))
  const bankMap = new Map<string, number | undefined>(banks.quizzes.map(q => [q.stem, q.quiz.questions.length]))
  banks.broken.forEach(stem => bankMap.set(stem, undefined))
  return {
    banks: bankMap,
    facts,
    factsKnown: sources.usable.facts,
    references: sources.usable.references ? sources.content.references.length : undefined,
    glossary: sources.usable.glossary ? sources.content.glossary.length : undefined,
  }
}

/**
 * Read and check the whole kit: `sources/`, every bank in `quizzes/` (against
 * the ledger), that every bank is on a slide, and every marker and component
 * reference in the deck's Markdown. Never throws on a data problem: the
 * issues come back, in file order. `npm run check`, the build, the dev
 * server, `export:quiz` and `coverage:facts` all start here.
 */
export function readKit(root: string): Kit {
  const sources = readSources(root)
  const banks = readQuizzes(root, sources.content.facts, sources)
  const pages = deckFiles(root).flatMap((file) => {
    try {
      return [{ file, text: readFileSync(join(root, file), 'utf8') }]
    }
    catch {
      return []
    }
  })
  const files = new Map(listBanks(root).banks.map(b => [b.stem, b.file]))
  const dataIssues = [...sources.issues, ...banks.issues, ...unusedBanks(pages, banks.counts, files)]
  const pageData = pageDataOf(sources, banks)
  const refIssues = [...importIssues(root, pages), ...pages.flatMap(p => pageIssues(p.text, p.file, pageData))]
  return { content: sources.content, quizzes: banks.quizzes, issues: [...dataIssues, ...refIssues], dataIssues, pages, pageData, sources, banks }
}

/** `readKit`, throwing one `DataError` with every issue when there is any. */
export function loadKit(root: string): Kit {
  const kit = readKit(root)
  if (kit.issues.length)
    throw new DataError(kit.issues)
  return kit
}
