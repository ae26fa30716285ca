/**
 * The unit plan: how the two paths go through one unit, read from the same
 * slides and question banks.
 *
 * - The **lecture** (`lecture.md`) is for a class: each module's teaching
 *   slides (minus those marked `lecture: false`, left to self-study) and its
 *   class questions (`class: true` in the bank), in sessions of at most
 *   `PERIOD_MINUTES`. A slide with `session: N` in its frontmatter opens
 *   session N.
 * - **Self-study** (`slides.md`) has every slide and every question.
 *
 * Minutes come from the speaker notes: every slide's notes end with a line
 * `Minutes: N`, the presenter's honest estimate for that slide in class.
 * Generated quiz slides get theirs from `questionMinutes`.
 *
 * The same sections drive the PDF bookmarks, the handout's module breaks and
 * the presenter's pace ("Module 3 · 9 of 19 min").
 *
 * Pure: slides and banks in, plan out. `scripts/plan.ts` prints it,
 * `lib/vite/plan.ts` serves it to the deck.
 */
import type { Question, QuestionType, QuizFile } from './quiz/schema.ts'
import { QUESTION_TYPES } from './quiz/types/index.ts'

/** One teaching period, in minutes. Each lecture session fits in one. */
export const PERIOD_MINUTES = 90

/** What the plan reads of one slide (a subset of what `readDeck` returns). */
export interface PlanSlide {
  /** 1-based slide number in its deck. */
  no: number
  title: string
  /** The Markdown file the slide comes from, relative to the root (`slides.md`, `pages/03-repatriation.md`). */
  file: string
  /** Speaker notes, with the generated quiz notes. */
  note: string
  /** The quiz question on the slide, if any. */
  quiz?: { src: string, question: number }
  /** Frontmatter `session: N`: this slide opens lecture session N. */
  session?: number
}

/** A slide as Slidev's parser gives it (only what `toPlanSlide` reads). */
export interface ParsedSlide {
  title?: string
  note?: string
  content?: string
  frontmatter?: Record<string, unknown>
  source?: { filepath?: string, content?: string }
}

/** A parsed slide (the `i`-th of its deck) as the plan reads it; `root` makes its file relative. */
export function toPlanSlide(s: ParsedSlide, i: number, root: string): PlanSlide {
  const content = s.source?.content ?? s.content ?? ''
  const quiz = content.match(/<Quiz\s+bank="([^"]+)"\s+:question="(\d+)"/)
  const file = (s.source?.filepath ?? '').replace(/\\/g, '/')
  const base = root.replace(/\\/g, '/').replace(/\/?$/, '/')
  return {
    no: i + 1,
    title: (s.title ?? '').replace(/<[^>]+>/g, '').trim(),
    file: file.startsWith(base) ? file.slice(base.length) : file,
    note: s.note ?? '',
    quiz: quiz ? { src: quiz[1], question: Number(quiz[2]) } : undefined,
    session: typeof s.frontmatter?.session === 'number' ? s.frontmatter.session : undefined,
  }
}

// ─── Minutes ────────────────────────────────────────────────────────────────

const MINUTES = /^\s*Minutes:\s*(\d+(?:\.\d+)?)\.?\s*$/gm

/** The `Minutes: N` of a slide's notes; `undefined` when there is none, or more than one. */
export function minutesOf(note: string): number | undefined {
  const found = [...note.matchAll(MINUTES)]
  return found.length === 1 ? Number(found[0][1]) : undefined
}

/** A class question adds this much for the discussion that follows the reveal. */
export const DISCUSSION_MINUTES = 2

/**
 * Minutes a question takes on screen in class: time to answer (its type's `minutes`),
 * plus `DISCUSSION_MINUTES` for a class question, whose reveal is followed
 * by a short discussion of why the wrong answers tempt.
 */
export function questionMinutes(q: Pick<Question, 'type' | 'class'>): number {
  return QUESTION_TYPES[q.type].minutes + (q.class ? DISCUSSION_MINUTES : 0)
}

// ─── Sections ───────────────────────────────────────────────────────────────

/** A part of the deck: the title, a module, the final review, the sources … */
export interface Section {
  /** `title`, `module-3`, `session-2`, `final-review`, `results`, `sources`, `glossary`, `answer-key`, or a slug. */
  key: string
  /** Short name for the pace: `Module 3`, `Final review`, `Sources`. */
  label: string
  /** Full name for bookmarks and the plan: `Module 3 · How repatriation works`. */
  title: string
  /** Module number 1–10 (11 is the final review). */
  module?: number
}

/** Sections recognised by slide title (generated slides keep these titles). */
const TITLED: { key: string, title: string, match: RegExp, module?: number }[] = [
  { key: 'final-review', title: 'Final review', match: /^Final review\b/, module: 11 },
  { key: 'results', title: 'Your results', match: /^Your results\b/ },
  { key: 'sources', title: 'Sources', match: /^Sources\b/ },
  { key: 'glossary', title: 'Glossary', match: /^Glossary\b/ },
  { key: 'answer-key', title: 'Answer key', match: /^Answer key\b/ },
]

/** `pages/03-repatriation.md` → 3; `undefined` for an entry file. */
export function moduleOfFile(file: string): number | undefined {
  const m = file.replace(/\\/g, '/').match(/(?:^|\/)pages\/(\d{2})-[^/]+\.md$/)
  return m ? Number(m[1]) : undefined
}

/** `03-repatriation` → 3. */
export function moduleOfBank(stem: string): number | undefined {
  const m = stem.match(/^(\d{2})-/)
  return m ? Number(m[1]) : undefined
}

function slug(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'untitled'
}

/**
 * Each slide's section, in deck order. `moduleTitles` gives a module's name
 * (the bank's `title`) for a module whose first slide is not a
 * `# Module N · …` opener.
 */
export function sectionsOf(slides: readonly PlanSlide[], moduleTitles: Readonly<Record<number, string>> = {}): Section[] {
  const out: Section[] = []
  const opener = new Map<number, string>()
  for (const s of slides) {
    const m = s.title.match(/^Module (\d+) · /)
    if (m && !opener.has(Number(m[1])))
      opener.set(Number(m[1]), s.title)
  }
  slides.forEach((s, i) => {
    const special = TITLED.find(t => t.match.test(s.title))
      ?? (s.quiz && moduleOfBank(s.quiz.src) === 11 ? TITLED[0] : undefined)
    if (special) {
      out.push({ key: special.key, label: special.title, title: special.title, module: special.module })
      return
    }
    const n = moduleOfFile(s.file)
    if (n === 11) {
      out.push({ key: 'answer-key', label: 'Answer key', title: 'Answer key' })
      return
    }
    if (n !== undefined) {
      const title = opener.get(n) ?? (moduleTitles[n] ? `Module ${n} · ${moduleTitles[n]}` : `Module ${n}`)
      out.push({ key: `module-${n}`, label: `Module ${n}`, title, module: n })
      return
    }
    // A slide of the entry file itself: the title slide, a session opener, or
    // another slide of its own.
    if (i === 0)
      out.push({ key: 'title', label: 'Title', title: s.title || 'Title' })
    else if (s.session)
      out.push({ key: `session-${s.session}`, label: `Session ${s.session}`, title: s.title || `Session ${s.session}` })
    else
      out.push({ key: slug(s.title), label: s.title, title: s.title })
  })
  return out
}

/** Consecutive slides grouped by section. */
export function groupBySection<T extends PlanSlide>(slides: readonly T[], moduleTitles: Readonly<Record<number, string>> = {}): { section: Section, slides: T[] }[] {
  const sections = sectionsOf(slides, moduleTitles)
  const groups: { section: Section, slides: T[] }[] = []
  slides.forEach((s, i) => {
    const last = groups.at(-1)
    if (last && last.section.key === sections[i].key)
      last.slides.push(s)
    else
      groups.push({ section: sections[i], slides: [s] })
  })
  return groups
}

// ─── The plan ───────────────────────────────────────────────────────────────

/** One line of the plan. */
export interface PlanRow {
  section: Section
  /** Minutes of its slides in the lecture; `undefined` when the lecture leaves it to self-study. */
  lectureMinutes?: number
  /** Its slides in the lecture. */
  lectureSlides: number
  /** Questions asked in class (quiz slides of the lecture). */
  classQuestions: number
  /** Questions in the self-study deck: the whole bank. */
  selfStudyQuestions: number
}

export interface PlanSession {
  /** 1, 2 … */
  n: number
  rows: PlanRow[]
  minutes: number
  classQuestions: number
  selfStudyQuestions: number
}

export interface UnitPlan {
  period: number
  sessions: PlanSession[]
  /** Banks the lecture does not visit (the final review): self-study only. */
  selfStudyOnly: PlanRow[]
  totals: { lectureMinutes: number, classQuestions: number, selfStudyQuestions: number }
  /** Slides of the lecture whose notes give no single `Minutes: N` line. */
  problems: string[]
}

/**
 * The plan of the unit: the lecture deck's slides, session by session and
 * section by section, with their minutes and class questions, beside the
 * number of questions each module has for self-study.
 */
export function unitPlan(lecture: readonly PlanSlide[], banks: Readonly<Record<string, QuizFile>>): UnitPlan {
  const titles: Record<number, string> = {}
  const bankSize = new Map<number, number>()
  for (const [stem, quiz] of Object.entries(banks)) {
    const n = moduleOfBank(stem) ?? quiz.module
    titles[n] = quiz.title
    bankSize.set(n, (bankSize.get(n) ?? 0) + quiz.questions.length)
  }
  const problems: string[] = []
  const sessions: PlanSession[] = []
  const seen = new Set<number>()
  let current: PlanSession | undefined
  for (const g of groupBySection(lecture, titles)) {
    for (const s of g.slides) {
      if (s.session || !current) {
        current = { n: s.session ?? 1, rows: [], minutes: 0, classQuestions: 0, selfStudyQuestions: 0 }
        sessions.push(current)
      }
      let row = current.rows.at(-1)
      if (!row || row.section.key !== g.section.key) {
        const module = g.section.module
        const fresh = module !== undefined && !seen.has(module)
        if (module !== undefined)
          seen.add(module)
        row = { section: g.section, lectureMinutes: 0, lectureSlides: 0, classQuestions: 0, selfStudyQuestions: fresh ? bankSize.get(module) ?? 0 : 0 }
        current.rows.push(row)
      }
      const min = minutesOf(s.note)
      if (min === undefined)
        problems.push(`${s.file}: slide ${s.no} "${s.title}" needs one line \`Minutes: N\` in its notes`)
      row.lectureMinutes! += min ?? 0
      row.lectureSlides++
      if (s.quiz)
        row.classQuestions++
    }
  }
  for (const session of sessions) {
    // Reference pages (sources, glossary) take no class time and ask nothing: not a line of the plan.
    session.rows = session.rows.filter(r => r.lectureMinutes || r.classQuestions || r.selfStudyQuestions)
    session.minutes = sum(session.rows.map(r => r.lectureMinutes ?? 0))
    session.classQuestions = sum(session.rows.map(r => r.classQuestions))
    session.selfStudyQuestions = sum(session.rows.map(r => r.selfStudyQuestions))
  }
  const selfStudyOnly: PlanRow[] = [...bankSize.entries()]
    .filter(([n]) => !seen.has(n))
    .sort(([a], [b]) => a - b)
    .map(([n, size]) => ({
      section: n === 11 ? { key: 'final-review', label: 'Final review', title: 'Final review', module: 11 } : { key: `module-${n}`, label: `Module ${n}`, title: `Module ${n} · ${titles[n]}`, module: n },
      lectureSlides: 0,
      classQuestions: 0,
      selfStudyQuestions: size,
    }))
  return {
    period: PERIOD_MINUTES,
    sessions,
    selfStudyOnly,
    totals: {
      lectureMinutes: sum(sessions.map(s => s.minutes)),
      classQuestions: sum(sessions.map(s => s.classQuestions)),
      selfStudyQuestions: sum([...bankSize.values()]),
    },
    problems,
  }
}

function sum(xs: readonly number[]): number {
  return xs.reduce((a, b) => a + b, 0)
}

/** The plan as a plain-text table, as `npm run plan` prints it and the README shows it. */
export function formatPlan(plan: UnitPlan): string {
  const W = 64
  const head = (label: string, a: string, b: string, c: string) => `${label.padEnd(W)}${a.padStart(9)}${b.padStart(11)}${c.padStart(12)}`
  const num = (n: number | undefined) => (n === undefined ? '–' : String(n))
  const cut = (t: string, w: number) => (t.length > w ? `${t.slice(0, w - 1)}…` : t)
  const line = (label: string, r: { lectureMinutes?: number, classQuestions: number, selfStudyQuestions: number }) =>
    head(cut(label, W - 1), num(r.lectureMinutes), String(r.classQuestions), String(r.selfStudyQuestions))
  const out = [
    head('', 'lecture', 'class', 'self-study'),
    head('', 'minutes', 'questions', 'questions'),
  ]
  for (const s of plan.sessions) {
    out.push(`Session ${s.n} (at most ${plan.period} minutes)`)
    for (const r of s.rows)
      out.push(line(`  ${rowName(r.section)}`, r))
    out.push(line(`  Session ${s.n} total`, { lectureMinutes: s.minutes, classQuestions: s.classQuestions, selfStudyQuestions: s.selfStudyQuestions }))
  }
  if (plan.selfStudyOnly.length) {
    out.push('Self-study only')
    for (const r of plan.selfStudyOnly)
      out.push(line(`  ${rowName(r.section)}`, r))
  }
  out.push(line('Unit total', plan.totals))
  return out.map(l => l.trimEnd()).join('\n')
}

// ─── Pace ───────────────────────────────────────────────────────────────────

/** What the presenter's pace needs of a deck: each slide's section and each section's minutes. */
export interface Pace {
  sections: { key: string, label: string, title: string, minutes: number }[]
  /** For slide `no`, the index into `sections` at `no - 1`. */
  slideSection: number[]
}

export function paceOf(slides: readonly PlanSlide[], moduleTitles: Readonly<Record<number, string>> = {}): Pace {
  const pace: Pace = { sections: [], slideSection: [] }
  const index = new Map<string, number>()
  sectionsOf(slides, moduleTitles).forEach((section, i) => {
    let k = index.get(section.key)
    if (k === undefined) {
      k = pace.sections.push({ key: section.key, label: section.label, title: section.title, minutes: 0 }) - 1
      index.set(section.key, k)
    }
    pace.sections[k].minutes += minutesOf(slides[i].note) ?? 0
    pace.slideSection.push(k)
  })
  return pace
}

/**
 * The presenter's pace line: `Module 3 · 9 of 19 min`, or
 * `Module 3 · 21 of 19 min (2 over)` once the time spent passes the plan.
 * Whole minutes, rounded down.
 */
export function paceText(label: string, spentMs: number, minutes: number): string {
  const spent = Math.floor(Math.max(0, spentMs) / 60_000)
  const over = spent - minutes
  return `${label} · ${spent} of ${minutes} min${over > 0 ? ` (${over} over)` : ''}`
}

/** How a plan row is named in a table: the title slide by its role, a module without its "Module N ·" prefix when `short`. */
export function rowName(section: Section, short = false): string {
  if (section.key === 'title')
    return 'Title slide'
  return short ? section.title.replace(/^Module \d+ · /, '') : section.title
}
