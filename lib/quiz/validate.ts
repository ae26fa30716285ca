/**
 * Check a quiz against the fact ledger, so that no quiz can teach a figure,
 * date or status the ledger does not hold. Every problem is reported as a
 * `DataIssue` (`file:line field: message`); nothing throws except
 * `loadQuizFile`, which throws one `DataError` listing them all.
 *
 * Pure: takes text and data, never touches the file system.
 */
import type { Fact } from '../ledger/schema.ts'
import { formatNumber, formatValue, numbersOf } from '../format.ts'
import { DataError, loadYaml, parseYaml } from '../load.ts'
import type { DataIssue } from '../load.ts'
import { acceptedInterval, isNumericValue, itemKeys, numericTruth, restatedTruth, within } from './derive.ts'
import type { Ledger, RestatesMap } from './derive.ts'
import { QuizFile } from './schema.ts'
import type { ClassifyQuestion, MatchingQuestion, NumericQuestion, Option, OrderingQuestion, Question, TrueFalseQuestion } from './schema.ts'
import { containsNormalised, normalise } from './text.ts'

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

function checkQuestion(q: Question, ledger: Ledger, report: Report): void {
  checkCitations(q, ledger, report)
  switch (q.type) {
    case 'single':
    case 'multiple':
      return checkOptions(q.type, q.options, q, ledger, report)
    case 'truefalse':
      return checkTrueFalse(q, ledger, report)
    case 'numeric':
      return checkNumeric(q, ledger, report)
    case 'ordering':
      checkPartFigures(q, 'items', q.items.map(i => ({ texts: { text: i.text }, fact: i.fact, restates: i.restates })), ledger, report)
      return checkOrdering(q, ledger, report)
    case 'matching':
      checkPartFigures(q, 'pairs', q.pairs.map(p => ({ texts: { left: p.left, right: p.right }, fact: p.fact, restates: p.restates })), ledger, report)
      return checkMatching(q, report)
    case 'classify':
      checkPartFigures(q, 'statements', q.statements.map(s => ({ texts: { text: s.text }, fact: s.fact, restates: s.restates })), ledger, report)
      return checkClassify(q, report)
  }
}

/** The `fact` of each option, item, pair or statement, with its path. */
function partFacts(q: Question): { at: Path, fact: string }[] {
  const list = (key: string, parts: readonly { fact?: string }[]) =>
    parts.flatMap((p, k) => p.fact === undefined ? [] : [{ at: [key, k, 'fact'], fact: p.fact }])
  switch (q.type) {
    case 'single': case 'multiple': return list('options', q.options)
    case 'numeric': return 'fact' in q.answer ? [{ at: ['answer', 'fact'], fact: q.answer.fact }] : []
    case 'ordering': return list('items', q.items)
    case 'matching': return list('pairs', q.pairs)
    case 'classify': return list('statements', q.statements)
    case 'truefalse': return []
  }
}

/** Every cited id is in the ledger; every part's fact is in the ledger and listed in `facts`. */
function checkCitations(q: Question, ledger: Ledger, report: Report): void {
  if (q.facts.length === 0)
    report(['facts'], 'cite at least one ledger fact')
  q.facts.forEach((id, j) => {
    if (!ledger.has(id))
      report(['facts', j], `unknown ledger fact \`${id}\``)
  })
  for (const { at, fact } of partFacts(q)) {
    if (!ledger.has(fact))
      report(at, q.type === 'classify'
        ? `statement fact \`${fact}\` is missing from the ledger, so its category cannot be derived`
        : `unknown ledger fact \`${fact}\``)
    else if (!q.facts.includes(fact))
      report(at, `fact \`${fact}\` is not listed in the question's \`facts\``)
  }
  for (const { at, restates } of partRestates(q)) {
    for (const [key, value] of Object.entries(restates)) {
      for (const id of typeof value === 'string' ? [value] : value) {
        if (!ledger.has(id))
          report([...at, key], `unknown ledger fact \`${id}\``)
        else if (!q.facts.includes(id))
          report([...at, key], `fact \`${id}\` is not listed in the question's \`facts\``)
      }
    }
  }
}

/** The `restates` maps of a question and its parts, with their paths. */
function partRestates(q: Question): { at: Path, restates: RestatesMap }[] {
  const list = (key: string, parts: readonly { restates?: RestatesMap }[]) =>
    parts.flatMap((p, k) => p.restates ? [{ at: [key, k, 'restates'], restates: p.restates }] : [])
  switch (q.type) {
    case 'single': case 'multiple': return list('options', q.options)
    case 'truefalse': return q.restates ? [{ at: ['restates'], restates: q.restates }] : []
    case 'ordering': return list('items', q.items)
    case 'matching': return list('pairs', q.pairs)
    case 'classify': return list('statements', q.statements)
    case 'numeric': return []
  }
}

/** The cited facts that exist. */
function citedFacts(q: Question, ledger: Ledger): Fact[] {
  return q.facts.flatMap(id => ledger.get(id) ?? [])
}

/** The fact a figure falls back to when `restates` does not name one: the part's own, else the question's only cited fact. */
function fallbackFacts(own: string | undefined, q: Question): string[] {
  if (own !== undefined)
    return [own]
  return q.facts.length === 1 ? [q.facts[0]] : []
}

/**
 * Report what keeps a text's figures from being checked: a figure no fact is
 * named for, a `restates` key missing from the text. `where` names the text
 * and the field a teacher adds the fact to.
 */
function reportRestating(r: ReturnType<typeof restatedTruth>, at: Path, restatesAt: Path, how: string, report: Report): void {
  for (const figure of r.unrestated)
    report(at, `the figure “${figure}” names no fact it restates: ${how}`)
  for (const { key, why } of r.badKeys)
    report([...restatesAt, key], `the \`restates\` key “${key}” ${why}`)
}

// ─── truefalse ───────────────────────────────────────────────────────────────

/**
 * The key of a true/false question comes from the ledger wherever its figures
 * can decide it: every restated value matches → true, any differs → false.
 * `judged: true` marks the rest, and lets a statement whose figures are right
 * be false for another reason; it never lets a wrong figure pass as true.
 */
function checkTrueFalse(q: TrueFalseQuestion, ledger: Ledger, report: Report): void {
  const r = restatedTruth(q.stem, q.restates, fallbackFacts(undefined, q), ledger)
  reportRestating(r, ['stem'], ['restates'], 'add it to `restates` (figure: ledger id)', report)
  if (r.unrestated.length || r.badKeys.length)
    return
  const t = r.truth
  if (t.kind === 'false' && q.answer)
    report(['answer'], `correct answer disagrees with ledger: the key says true, but ${t.why}, so the statement is false`)
  else if (t.kind === 'true' && !q.answer && !q.judged)
    report(['answer'], 'correct answer disagrees with ledger: the key says false, but every figure the stem restates matches the ledger; if the statement is false for another reason, mark it `judged: true`')
  else if (t.kind === 'undecided' && !q.judged)
    report(['answer'], `the ledger cannot decide this answer (${t.why}): restate a figure in \`restates\`, or mark the answer \`judged: true\``)
}

// ─── part figures: ordering items, matching pairs, classify statements ─────

interface FigurePart {
  /** The learner-facing texts of the part, by field. */
  texts: Record<string, string>
  fact?: string
  restates?: RestatesMap
}

/**
 * A part is written as true, so every figure it holds must agree with the
 * ledger. A pair's left and right are read together, so a `restates` key may
 * sit on either side.
 */
function checkPartFigures(q: Question, key: 'items' | 'pairs' | 'statements', parts: readonly FigurePart[], ledger: Ledger, report: Report): void {
  parts.forEach((p, k) => {
    const fields = Object.entries(p.texts)
    const joined = fields.map(([, t]) => t).join('\n')
    const fieldOf = (needle: string) => fields.find(([, t]) => t.toLowerCase().includes(needle.toLowerCase()))?.[0] ?? fields[0][0]
    const r = restatedTruth(joined, p.restates, fallbackFacts(p.fact, q), ledger)
    for (const figure of r.unrestated)
      report([key, k, fieldOf(figure)], `the figure “${figure}” names no fact it restates: add it to the part's \`restates\``)
    for (const { key: bad, why } of r.badKeys)
      report([key, k, 'restates', bad], `the \`restates\` key “${bad}” ${why}`)
    const t = r.truth
    if (t.kind === 'false')
      report([key, k, fieldOf(t.why.match(/^“([^”]*)”/)?.[1] ?? '')], `disagrees with ledger: ${t.why}`)
    else if (t.kind === 'undecided' && r.restatedIds.length > 0)
      report([key, k, fieldOf(t.why.match(/^“([^”]*)”/)?.[1] ?? '')], `the ledger cannot confirm this figure (${t.why}): restate a more precise fact in \`restates\``)
  })
}

// ─── single / multiple ───────────────────────────────────────────────────────

function checkOptions(type: 'single' | 'multiple', options: readonly Option[], q: Question, ledger: Ledger, report: Report): void {
  const nCorrect = options.filter(o => o.correct).length
  if (type === 'single' && nCorrect !== 1)
    report(['options'], `a single-choice question needs exactly one correct option (found ${nCorrect})`)
  if (type === 'multiple' && nCorrect < 1)
    report(['options'], 'a multiple-choice question needs at least one correct option')

  const answerFacts = options.flatMap(o => o.correct && o.fact ? ledger.get(o.fact) ?? [] : [])
  const texts = new Map<string, number>()
  options.forEach((o, k) => {
    const at = ['options', k]
    if (o.text !== undefined) {
      const key = normalise(o.text)
      if (texts.has(key))
        report([...at, 'text'], `same text as option ${texts.get(key)! + 1}`)
      texts.set(key, k)
    }
    if (o.correct)
      checkCorrectOption(o, at, q, ledger, report)
    else
      checkWrongOption(o, at, q, answerFacts, ledger, report)
  })
}

/**
 * A correct option cites the fact that makes it correct (`fact`, or the
 * facts its figures restate), or says that its correctness is `judged`.
 * Its figures must agree with the ledger.
 */
function checkCorrectOption(o: Option, at: Path, q: Question, ledger: Ledger, report: Report): void {
  if (o.text === undefined)
    return // shown as the fact's own value
  const r = restatedTruth(o.text, o.restates, fallbackFacts(o.fact, q), ledger)
  reportRestating(r, [...at, 'text'], [...at, 'restates'], 'give the option a `fact`, or `restates` (figure: ledger id)', report)
  if (o.fact === undefined && o.restates === undefined && !o.judged)
    report([...at, 'fact'], 'a correct option must cite the fact that makes it correct: give it `fact: <ledger id>`, or mark it `judged: true` if no ledger entry decides it')
  if (r.truth.kind === 'false')
    report([...at, 'text'], `correct answer disagrees with ledger: ${r.truth.why}`)
  else if (r.truth.kind === 'undecided' && r.restatedIds.length > 0 && !o.judged)
    report([...at, 'text'], `the ledger cannot confirm this correct option (${r.truth.why}): restate a more precise fact, or mark it \`judged: true\``)
  // An option that is itself a name (six words or fewer) must show the name its fact holds.
  const fact = o.fact === undefined ? undefined : ledger.get(o.fact)
  if (fact && fact.value.kind === 'name' && o.text.trim().split(/\s+/).length <= 6 && !shows(o.text, fact))
    report([...at, 'text'], `correct answer disagrees with ledger: the text does not contain \`${formatValue(fact.value)}\`, the value of \`${fact.id}\` (or omit \`text\` to show it)`)
}

/** Whether `text` shows the fact's value (a qualified number may drop its qualifier; quotes are ignored). */
function shows(text: string, fact: Fact): boolean {
  const v = fact.value
  return containsNormalised(text, formatValue(v))
    || (v.kind === 'number' && v.qualifier !== undefined && containsNormalised(text, formatNumber(v.value)))
}

/**
 * A wrong option needs its `why`, must not repeat the correct value, and its
 * figures must not all agree with the facts they restate (unless `judged`:
 * wrong for a reason the figures do not show).
 */
function checkWrongOption(o: Option, at: Path, q: Question, answerFacts: readonly Fact[], ledger: Ledger, report: Report): void {
  if (!o.why)
    report([...at, 'why'], 'a wrong option needs `why`: the misconception it targets')
  if (o.text === undefined)
    return
  for (const fact of answerFacts) {
    if (normalise(o.text) === normalise(formatValue(fact.value)))
      return report([...at, 'text'], `a wrong option equals the true value of \`${fact.id}\` (${formatValue(fact.value)})`)
  }
  const r = restatedTruth(o.text, o.restates, fallbackFacts(o.fact, q), ledger)
  reportRestating(r, [...at, 'text'], [...at, 'restates'], 'give the option a `fact`, or `restates` (figure: ledger id)', report)
  if (r.truth.kind === 'true' && !o.judged) {
    const ids = r.restatedIds.map(id => `\`${id}\` (${formatValue(ledger.get(id)!.value)})`).join(', ')
    report([...at, 'text'], `a wrong option equals the true value of ${ids}: every figure it restates matches the ledger; if it is wrong for another reason, mark it \`judged: true\``)
  }
}

// ─── numeric ─────────────────────────────────────────────────────────────────

function checkNumeric(q: NumericQuestion, ledger: Ledger, report: Report): void {
  if ('fact' in q.answer) {
    const v = ledger.get(q.answer.fact)?.value
    if (v && !isNumericValue(v))
      report(['answer', 'fact'], `answer fact \`${q.answer.fact}\` is a ${v.kind}, not a number, range or year`)
  }
  else {
    const cited = citedFacts(q, ledger).flatMap(f => isNumericValue(f.value) ? numbersOf(f.value) : [])
    if (!cited.includes(q.answer.value))
      report(['answer', 'value'], `correct answer disagrees with ledger: ${formatNumber(q.answer.value)} is not the value of any cited number, range or year fact`)
  }
  checkInterval(q, ledger, report)
}

/** The accepted interval holds the truth (both ends of a range) and no distractor. */
function checkInterval(q: NumericQuestion, ledger: Ledger, report: Report): void {
  const truth = numericTruth(q, ledger)
  const interval = acceptedInterval(q, ledger)
  if (!truth || !interval)
    return
  const at = q.range ? ['range'] : ['tolerance']
  if (!within(truth[0], interval) || !within(truth[1], interval))
    report(at, `the accepted range ${formatNumber(interval[0])}–${formatNumber(interval[1])} does not contain the answer`)
  q.distractors.forEach((d, k) => {
    if (within(d.value, interval))
      report(['distractors', k, 'value'], `the accepted ${q.range ? 'range' : 'tolerance'} admits this distractor (${formatNumber(d.value)})`)
  })
}

// ─── ordering / matching / classify ─────────────────────────────────────────

function checkOrdering(q: OrderingQuestion, ledger: Ledger, report: Report): void {
  const keys = itemKeys(q, ledger)
  q.items.forEach((item, k) => {
    const fact = ledger.get(item.fact)
    if (fact && keys[k] === undefined)
      report(['items', k, 'fact'], `\`${item.fact}\` has no date (its value is a ${fact.value.kind}), so it cannot be ordered`)
  })
  if (keys.some(k => k === undefined))
    return
  const dated = keys as number[]
  for (let k = 1; k < dated.length; k++) {
    if (dated[k] < dated[k - 1])
      report(['items', k], `items are not in ledger order: “${q.items[k].text}” (${dateOf(q, k, ledger)}) is before “${q.items[k - 1].text}” (${dateOf(q, k - 1, ledger)})`)
  }
  if (new Set(dated).size === 1)
    report(['items'], 'every item has the same date, so any order is right')
}

function dateOf(q: OrderingQuestion, k: number, ledger: Ledger): string {
  const v = ledger.get(q.items[k].fact)?.value
  return v ? formatValue(v) : '?'
}

/** Lefts, and rights, must differ, or a match is ambiguous. */
function checkMatching(q: MatchingQuestion, report: Report): void {
  for (const side of ['left', 'right'] as const) {
    const first = new Map<string, number>()
    q.pairs.forEach((p, k) => {
      const key = normalise(p[side])
      if (first.has(key))
        report(['pairs', k, side], `same ${side} as pair ${first.get(key)! + 1}; the match would be ambiguous`)
      else
        first.set(key, k)
    })
  }
}

/** Classify answers are derived from the ledger, so only a missing fact (reported by `checkCitations`) or a repeated statement can break them. */
function checkClassify(q: ClassifyQuestion, report: Report): void {
  const texts = new Map<string, number>()
  q.statements.forEach((s, k) => {
    const key = normalise(s.text)
    if (texts.has(key))
      report(['statements', k, 'text'], `same text as statement ${texts.get(key)! + 1}`)
    texts.set(key, k)
  })
}
