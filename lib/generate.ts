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
import type { QuizFile } from './quiz/schema.ts'
import { TYPE_LABEL } from './answer-key.ts'
import { GLOSSARY_PER_PAGE, pageCount, SOURCES_PER_PAGE } from './paginate.ts'
import { questionMinutes } from './plan.ts'

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
