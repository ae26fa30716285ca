/**
 * Slides generated from data, so that the deck follows the ledger and the
 * question bank without anyone copying them by hand.
 *
 * A page asks for them with a marker line, alone on its slide:
 *
 *   <!-- kit:quiz 03-repatriation -->    one slide per question of that bank
 *   <!-- kit:answer-key -->              the answer key, every bank, paginated
 *   <!-- kit:sources -->                 the references, paginated
 *   <!-- kit:glossary -->                the glossary, paginated
 *
 * `setup/preparser.ts` expands the markers before Slidev parses the slides.
 * Pure: data in, Markdown lines out.
 */
import type { DataIssue } from './load.ts'
import type { QuizFile } from './quiz/schema.ts'
import { TYPE_LABEL } from './answer-key.ts'
import { GLOSSARY_PER_PAGE, pageCount, SOURCES_PER_PAGE } from './paginate.ts'
import { questionMinutes } from './plan.ts'
import { didYouMean } from './suggest.ts'

export const MARKER = /^<!--\s*kit:(quiz|answer-key|sources|glossary)(?:\s+([\w-]+))?\s*-->\s*$/

/** At most this many questions on one answer-key slide. */
export const ANSWER_KEY_PER_PAGE = 4
/** …and at most this many characters of stem, answer, explanation and sources. */
export const ANSWER_KEY_CHARS = 1800

/**
 * Which path through the unit a deck is: `self-study` (`slides.md`, every
 * question) or `lecture` (`lecture.md`, only the questions marked
 * `class: true`). Chosen by the entry's headmatter `deck:`.
 */
export type DeckPath = 'self-study' | 'lecture'

/** What a marker that generates nothing for this path leaves on its slide; the preparser drops such a slide. */
export const EMPTY_SLIDE = '<div data-kit-empty></div>'

export interface GenerateData {
  /** Default: `self-study`. */
  path?: DeckPath
  quizzes: Record<string, QuizFile>
  references: number
  glossary: number
  /** Characters a question takes in the answer key; default: stem and explanation only. */
  keyLength?: (q: QuizFile['questions'][number]) => number
}

/**
 * Split questions into answer-key pages that fit a slide: greedy, up to
 * `ANSWER_KEY_PER_PAGE` questions and `ANSWER_KEY_CHARS` characters a page.
 * Returns 1-based inclusive ranges.
 */
export function keyPages(lengths: readonly number[]): [number, number][] {
  const out: [number, number][] = []
  let start = 0
  let used = 0
  lengths.forEach((len, i) => {
    const count = i - start
    if (count > 0 && (count >= ANSWER_KEY_PER_PAGE || used + len > ANSWER_KEY_CHARS)) {
      out.push([start + 1, i])
      start = i
      used = 0
    }
    used += len
  })
  if (lengths.length)
    out.push([start + 1, lengths.length])
  return out
}

function slides(parts: string[][]): string[] {
  // The marker sits after a `---` separator (and maybe frontmatter); the first
  // generated slide takes its place and the others follow with their own.
  return parts.flatMap((p, i) => (i === 0 ? p : ['', '---', '', ...p]))
}

function notes(...lines: string[]): string[] {
  return ['', '<!--', ...lines, '-->']
}

export function quizSlides(stem: string, data: GenerateData): string[] {
  const quiz = data.quizzes[stem]
  if (!quiz)
    throw new Error(`<!-- kit:quiz ${stem} -->: there is no quizzes/${stem}.yaml`)
  const n = quiz.questions.length
  const lecture = data.path === 'lecture'
  // The lecture asks only the class questions; self-study has them all.
  const asked = quiz.questions.map((q, i) => ({ q, i })).filter(({ q }) => !lecture || q.class)
  if (!asked.length)
    return [EMPTY_SLIDE]
  const name = quiz.module === 11 ? 'Final review' : `Module ${quiz.module}`
  return slides(asked.map(({ q, i }, k) => [
    lecture
      ? `# Class question · ${name}${asked.length > 1 ? ` · ${k + 1} of ${asked.length}` : ''}`
      : `# ${quiz.module === 11 ? name : `Check · ${name}`} · Question ${i + 1} of ${n}`,
    '',
    `<Quiz bank="${stem}" :question="${i + 1}" />`,
    ...notes(
      q.class
        ? `Class question (${TYPE_LABEL[q.type]}; question ${i + 1} of ${n} in the bank), chosen for discussion. Give the room a minute to answer, alone or in pairs, then click once to reveal the answer and the explanation. Ask who chose a wrong option and why it tempted them.`
        : `Question ${i + 1} of ${n} (${TYPE_LABEL[q.type]}). Give the room a minute to answer, then click once to reveal the answer and the explanation.`,
      '',
      `Minutes: ${questionMinutes(q)}`,
    ),
  ]))
}

export function answerKeySlides(data: GenerateData): string[] {
  const length = data.keyLength ?? (q => q.stem.length + q.explanation.length)
  const parts: string[][] = []
  for (const [stem, quiz] of Object.entries(data.quizzes)) {
    const pages = keyPages(quiz.questions.map(length))
    pages.forEach(([from, to], i) => {
      parts.push([
        `# Answer key · ${quiz.module === 11 ? 'Final review' : `Module ${quiz.module}`}${pages.length > 1 ? ` · page ${i + 1} of ${pages.length}` : ''}`,
        '',
        `<AnswerKey bank="${stem}" :from="${from}" :to="${to}" />`,
        ...notes('For the teacher: answers, explanations and sources, not shown in class. Leave this appendix out of a student handout with `KIT_ANSWER_KEY=off` (see the README).', '', 'Minutes: 0'),
      ])
    })
  }
  return slides(parts)
}

function paged(title: string, component: string, total: number, perPage: number, note: string): string[] {
  const pages = pageCount(total, perPage)
  return slides(Array.from({ length: pages }, (_, i) => [
    `# ${title}${pages > 1 ? ` · page ${i + 1} of ${pages}` : ''}`,
    '',
    `<${component} :page="${i + 1}" />`,
    ...notes(note, 'A reference page: not presented in class.', '', 'Minutes: 0'),
  ]))
}

/** Expand every marker in `lines`, in place, as Slidev's `transformRawLines` expects. */
export function expandMarkers(lines: string[], data: GenerateData): void {
  for (let i = lines.length - 1; i >= 0; i--) {
    const m = lines[i].match(MARKER)
    if (!m)
      continue
    const [, kind, arg] = m
    const out = kind === 'quiz'
      ? quizSlides(arg ?? '', data)
      : kind === 'answer-key'
        ? answerKeySlides(data)
        : kind === 'sources'
          ? paged('Sources', 'Sources', data.references, SOURCES_PER_PAGE, 'Every citation marker in the deck links here. Footnotes 8, 13 and 15 have no text in our copy of the article; 2, 11 and 12 are documents released under FOI, available on request.')
          : paged('Glossary', 'Glossary', data.glossary, GLOSSARY_PER_PAGE, 'Terms and acronyms used in the unit, in alphabetical order.')
    lines.splice(i, 1, ...out)
  }
}

// ─── Checking a page's markers and component references ─────────────────────

/**
 * What a page's markers and components are checked against. In each map, a
 * key whose value is `undefined` exists but has errors of its own (reported
 * in its data file), so a reference to it is not reported again.
 */
export interface PageData {
  /** Bank stem → number of questions. */
  banks: ReadonlyMap<string, number | undefined>
  /** Ledger id → its value's kind (`number`, `quotation` …). */
  facts: ReadonlyMap<string, string | undefined>
  /** False when the ledger file could not be read at all: fact references are then not checked. */
  factsKnown: boolean
  /** Number of references and glossary terms, when their files could be read. */
  references?: number
  glossary?: number
}

/** A page problem, with where it is in the text (offsets), so the dev server can put an error box in its place. */
export interface PageIssue extends DataIssue {
  start: number
  end: number
}

/** The kit's components (components/*.vue) that pages use; a near miss of one of these is reported. */
export const KIT_COMPONENTS = ['Quiz', 'AnswerKey', 'Fact', 'Cite', 'Quote', 'Status', 'Sources', 'Glossary', 'QuizSummary', 'QuizProgressBadge', 'UnitPlan', 'PresenterPace'] as const

const MARKER_FORMS = '`<!-- kit:quiz NN-name -->`, `<!-- kit:answer-key -->`, `<!-- kit:sources -->` or `<!-- kit:glossary -->`'
/** A line that looks like a kit marker, well-formed or not. */
const MARKER_LIKE = /^\s*<!--\s*kit\b/i
/** A component tag with its attributes (which may span lines). */
const TAG = /<([A-Z][A-Za-z0-9]*)\b((?:[^>"']|"[^"]*"|'[^']*')*?)\/?>/g
const ATTR = /(:|v-bind:)?([\w-]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'))?/g

interface Attr { bound: boolean, value: string | undefined }

function attributes(text: string): Map<string, Attr> {
  const out = new Map<string, Attr>()
  for (const m of text.matchAll(ATTR))
    out.set(m[2], { bound: !!m[1], value: m[3] ?? m[4] })
  return out
}

/** A tag as it appears in a message: on one line, at most 80 characters. */
function shown(tag: string): string {
  const one = tag.replace(/\s+/g, ' ')
  return one.length > 80 ? `${one.slice(0, 77)}…` : one
}

/**
 * Every problem with the markers and component references of one page:
 * a marker that is misspelt, names no bank or an unknown bank; a `<Quiz>` or
 * `<AnswerKey>` that names an unknown bank or a question it does not have;
 * a `<Fact>`, `<Cite>`, `<Quote>` or `<Status>` with an unknown ledger id (or
 * a `<Quote>` of an entry that is not a quotation); a `<Sources>` or
 * `<Glossary>` page past the last; a number prop written without its colon
 * (Vue would pass the text "3", and the presenter notes would show question 1);
 * and a misspelt kit component, which Vue would render as nothing.
 *
 * Each is reported as `file:line <tag as written>: message`.
 */
export function pageIssues(text: string, file: string, data: PageData): PageIssue[] {
  const issues: PageIssue[] = []
  const lines = text.split('\n')
  const lineStart: number[] = []
  for (let i = 0, offset = 0; i < lines.length; offset += lines[i].length + 1, i++)
    lineStart.push(offset)
  const lineAt = (offset: number) => text.slice(0, offset).split('\n').length
  const bankNames = [...data.banks.keys()]

  /** A bank reference: undefined when fine (or the bank is broken), else a message. */
  const bankProblem = (bank: string | undefined): string | undefined => {
    if (!bank)
      return undefined
    if (!data.banks.has(bank)) {
      const near = didYouMean(bank, bankNames)
      return `there is no question bank \`quizzes/${bank}.yaml\`${near || ` (the banks are ${bankNames.join(', ') || 'none'})`}`
    }
    return undefined
  }

  // Markers, one per line, as the preparser expands them.
  lines.forEach((line, i) => {
    if (!MARKER_LIKE.test(line))
      return
    const at = { file, line: i + 1, field: shown(line.trim()), start: lineStart[i], end: lineStart[i] + line.replace(/\r$/, '').length }
    const m = line.replace(/\r$/, '').match(MARKER)
    if (!m) {
      issues.push({ ...at, message: `not a kit marker: write ${MARKER_FORMS}, alone on its line with nothing before it (otherwise the line is silently kept as a speaker note)` })
      return
    }
    const [, kind, arg] = m
    if (kind === 'quiz') {
      if (!arg)
        issues.push({ ...at, message: `name the question bank, e.g. \`<!-- kit:quiz ${bankNames[0] ?? '03-repatriation'} -->\`` })
      else if (bankProblem(arg))
        issues.push({ ...at, message: bankProblem(arg)! })
    }
    else if (arg) {
      issues.push({ ...at, message: `\`kit:${kind}\` takes no name: write \`<!-- kit:${kind} -->\`` })
    }
  })

  for (const m of text.matchAll(TAG)) {
    const [tag, name, rest] = m
    const at = { file, line: lineAt(m.index!), field: shown(tag), start: m.index!, end: m.index! + tag.length }
    if (!(KIT_COMPONENTS as readonly string[]).includes(name)) {
      const near = didYouMean(name, KIT_COMPONENTS, s => `<${s}>`)
      if (near)
        issues.push({ ...at, message: `\`<${name}>\` is not a component of the kit, so it would show nothing${near}` })
      continue
    }
    const attrs = attributes(rest)
    // Number props need the colon, or Vue passes them as text.
    for (const prop of ['question', 'from', 'to', 'page', 'perPage', 'per-page']) {
      const a = attrs.get(prop)
      if (a && !a.bound)
        issues.push({ ...at, message: `write \`:${prop}="${a.value ?? ''}"\`, with a colon, so that it is read as a number` })
    }
    const num = (prop: string): number | undefined => {
      const a = attrs.get(prop)
      if (!a || !a.bound || a.value === undefined || !/^\s*\d+\s*$/.test(a.value))
        return undefined
      return Number(a.value)
    }
    const badNumber = (prop: string) => {
      const a = attrs.get(prop)
      return a !== undefined && a.bound && a.value !== undefined && !/^\s*\d+\s*$/.test(a.value) && /^[\s\d.+-]*$/.test(a.value)
    }

    switch (name) {
      case 'Quiz':
      case 'AnswerKey': {
        const bank = attrs.get('bank')
        if (!bank && !attrs.has('bank')) {
          issues.push({ ...at, message: `\`<${name}>\` needs \`bank="NN-name"\`, the question bank file in quizzes/` })
          break
        }
        if (!bank || bank.bound || bank.value === undefined)
          break // a bound expression cannot be checked here
        const problem = bankProblem(bank.value)
        if (problem) {
          issues.push({ ...at, message: problem })
          break
        }
        const count = data.banks.get(bank.value)
        if (count === undefined)
          break // the bank has errors of its own
        const props = name === 'Quiz' ? ['question'] : ['from', 'to']
        for (const p of props) {
          const n = num(p)
          if (badNumber(p) || (n !== undefined && (n < 1 || n > count)))
            issues.push({ ...at, message: `\`quizzes/${bank.value}.yaml\` has questions 1 to ${count}; there is no question ${attrs.get(p)!.value!.trim()}` })
        }
        const from = num('from')
        const to = num('to')
        if (from !== undefined && to !== undefined && from > to && from <= count && to >= 1)
          issues.push({ ...at, message: `\`:from\` (${from}) is after \`:to\` (${to})` })
        break
      }
      case 'Fact':
      case 'Cite':
      case 'Quote':
      case 'Status': {
        const id = attrs.get('id')
        if (!id) {
          issues.push({ ...at, message: `\`<${name}>\` needs \`id="…"\`, the id of an entry in sources/facts.yaml` })
          break
        }
        if (id.bound || id.value === undefined || !data.factsKnown)
          break
        if (!data.facts.has(id.value)) {
          issues.push({ ...at, message: `no such ledger entry in sources/facts.yaml${didYouMean(id.value, data.facts.keys())}` })
          break
        }
        const kind = data.facts.get(id.value)
        if (name === 'Quote' && kind !== undefined && kind !== 'quotation')
          issues.push({ ...at, message: `\`${id.value}\` is a ${kind} entry, not a quotation: use \`<Fact id="${id.value}" />\`, or cite a quotation entry` })
        break
      }
      case 'Sources':
      case 'Glossary': {
        const total = name === 'Sources' ? data.references : data.glossary
        const n = num('page')
        const per = num('perPage') ?? num('per-page') ?? (name === 'Sources' ? SOURCES_PER_PAGE : GLOSSARY_PER_PAGE)
        if (total === undefined || per < 1)
          break
        const pages = pageCount(total, per)
        if (badNumber('page') || (n !== undefined && (n < 1 || n > pages)))
          issues.push({ ...at, message: `the ${name === 'Sources' ? 'references fill' : 'glossary fills'} ${pages} page${pages > 1 ? 's' : ''}; there is no page ${attrs.get('page')!.value!.trim()}` })
        break
      }
    }
  }
  return issues.sort((a, b) => a.line - b.line)
}
