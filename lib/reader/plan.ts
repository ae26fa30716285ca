/**
 * Which slides go on which reading page, and in what shape.
 *
 * The reading view has one page per module file (`pages/NN-name.md` →
 * `read/NN-name.html`) and an index (`read/index.html`) made from the
 * deck's own title slide(s) in `slides.md`. A page whose slides include the
 * answer key (`<AnswerKey>`) is left out: the reading view is for learners,
 * who see an answer only when they ask for it.
 *
 * On a page, each teaching slide is a section; a run of generated quiz
 * slides of one bank is one "Check" section holding every question; the
 * generated Sources and Glossary pages are one section each; the results
 * slide is a link to the deck's results. Every slide keeps an anchor,
 * `#slide-N`, so the deck can link to the very place it shows.
 *
 * Pure: the deck's slides (as Slidev numbers them) in, a plan out. The same
 * plan gives the deck its links to the reading view (`readingRanges`).
 */
import type { QuizFile } from '../quiz/schema.ts'
import { moduleOfFile } from '../review.ts'
import type { ReadingRange } from './links.ts'
import { splitTitle, stripComments } from './markdown.ts'

export { pageFile, READ_DIR, readingHref } from './links.ts'
export type { ReadingRange } from './links.ts'

/** A slide as Slidev numbers it, after the kit's preparser, without frontmatter or notes. */
export interface ReaderSlide {
  no: number
  /** `slides.md` or `pages/NN-name.md`, relative to the project root (or absolute). */
  file: string
  content: string
}

export interface Question {
  /** The deck slide that asks it. */
  no: number
  /** 1-based position in its bank. */
  n: number
  /** e.g. "Question 3 of 9". */
  title: string
}

export type Block =
  | { kind: 'teaching', slide: ReaderSlide, title: string }
  | { kind: 'check', title: string, bank: string, questions: Question[] }
  | { kind: 'sources' | 'glossary', title: string, slides: number[] }
  | { kind: 'results', title: string, no: number }

export interface ReadingPage {
  /** `04-united-states`; the page is `read/04-united-states.html`. */
  stem: string
  file: string
  /** Module number from the file name. */
  module?: number
  /** The page's h1, e.g. "Module 4 · The United States". */
  title: string
  /** The slide whose title is the page's h1 (its text opens the page), if the module's first slide names the module. */
  intro?: ReaderSlide
  blocks: Block[]
  /** Every deck slide on the page. */
  slides: number[]
}

export interface ReadingPlan {
  /** The deck's own opening slides (`slides.md`): the index page's text. */
  index: ReaderSlide[]
  pages: ReadingPage[]
}

const QUIZ = /^<Quiz\s+bank="([\w-]+)"\s+:question="(\d+)"\s*\/>$/
const SOURCES = /^<Sources\b[^<>]*\/>$/
const GLOSSARY = /^<Glossary\b[^<>]*\/>$/
const RESULTS = /^<QuizSummary\s*\/>$/
const ANSWER_KEY = /<AnswerKey\b/

const norm = (file: string) => file.replace(/\\/g, '/')

/** `pages/04-united-states.md` (relative or absolute) → `04-united-states`; any other file → undefined. */
export function pageStem(file: string): string | undefined {
  return norm(file).match(/(?:^|\/)pages\/(\d\d-[\w-]+)\.md$/)?.[1]
}

/** The deck's entry file (its title slides): `slides.md`, or any Markdown file outside `pages/`. */
export function isEntryFile(file: string): boolean {
  return pageStem(file) === undefined && /\.md$/.test(file)
}

type Kind =
  | { kind: 'quiz', bank: string, n: number }
  | { kind: 'sources' | 'glossary' | 'results' | 'answer-key' | 'teaching' }

export function slideKind(content: string): Kind {
  const body = splitTitle(stripComments(content)).body.trim()
  const quiz = body.match(QUIZ)
  if (quiz)
    return { kind: 'quiz', bank: quiz[1], n: Number(quiz[2]) }
  if (SOURCES.test(body))
    return { kind: 'sources' }
  if (GLOSSARY.test(body))
    return { kind: 'glossary' }
  if (RESULTS.test(body))
    return { kind: 'results' }
  if (ANSWER_KEY.test(body))
    return { kind: 'answer-key' }
  return { kind: 'teaching' }
}

/** The slide's title as written (`# …`), or "Slide N". */
export function slideTitle(s: ReaderSlide): string {
  return splitTitle(stripComments(s.content)).title ?? `Slide ${s.no}`
}

function groupByFile(slides: readonly ReaderSlide[]): Map<string, ReaderSlide[]> {
  const out = new Map<string, ReaderSlide[]>()
  for (const s of slides) {
    const f = norm(s.file)
    out.set(f, [...(out.get(f) ?? []), s])
  }
  return out
}

/** Whether a module file's slides belong in the reading view (not the answer-key appendix). */
export function isReadable(slides: readonly ReaderSlide[]): boolean {
  return !slides.some(s => ANSWER_KEY.test(s.content))
}

function blocksOf(slides: readonly ReaderSlide[]): Block[] {
  const blocks: Block[] = []
  for (const s of slides) {
    const k = slideKind(s.content)
    const title = slideTitle(s)
    const last = blocks.at(-1)
    if (k.kind === 'quiz') {
      const question: Question = { no: s.no, n: k.n, title: title.match(/Question \d+ of \d+/)?.[0] ?? `Question ${k.n}` }
      if (last?.kind === 'check' && last.bank === k.bank)
        last.questions.push(question)
      else
        blocks.push({ kind: 'check', bank: k.bank, title: title.replace(/\s*·\s*Question \d+ of \d+\s*$/, ''), questions: [question] })
    }
    else if (k.kind === 'sources' || k.kind === 'glossary') {
      if (last?.kind === k.kind)
        last.slides.push(s.no)
      else
        blocks.push({ kind: k.kind, title: title.replace(/\s*·\s*page \d+ of \d+\s*$/, ''), slides: [s.no] })
    }
    else if (k.kind === 'results') {
      blocks.push({ kind: 'results', title, no: s.no })
    }
    else if (k.kind === 'teaching') {
      blocks.push({ kind: 'teaching', slide: s, title })
    }
  }
  return blocks
}

/** The reading view's pages, from the deck's slides in deck order. */
export function planReading(slides: readonly ReaderSlide[], quizzes: Readonly<Record<string, QuizFile>>): ReadingPlan {
  const index: ReaderSlide[] = []
  const pages: ReadingPage[] = []
  for (const [file, own] of groupByFile(slides)) {
    const stem = pageStem(file)
    if (stem === undefined) {
      if (isEntryFile(file))
        index.push(...own)
      continue
    }
    if (!isReadable(own))
      continue
    const module = moduleOfFile(file)
    const first = own[0]
    const firstTitle = slideTitle(first)
    const named = /^Module\s+\d+\b/.test(firstTitle)
    const bank = Object.values(quizzes).find(q => q.module === module)
    const title = named || !bank ? firstTitle : `Module ${module} · ${bank.title}`
    pages.push({
      stem,
      file,
      module,
      title,
      intro: named ? first : undefined,
      blocks: blocksOf(named ? own.slice(1) : own),
      slides: own.map(s => s.no),
    })
  }
  return { index, pages }
}

/**
 * For the deck: which reading page shows each slide. Consecutive slides of
 * one page share a range; slides with no reading page (the answer key) have
 * none.
 */
export function readingRanges(slides: readonly ReaderSlide[]): ReadingRange[] {
  const readable = new Map<string, boolean>()
  for (const [file, own] of groupByFile(slides))
    readable.set(file, pageStem(file) !== undefined ? isReadable(own) : isEntryFile(file))
  const out: ReadingRange[] = []
  for (const s of slides) {
    const file = norm(s.file)
    if (!readable.get(file))
      continue
    const stem = pageStem(file) ?? ''
    const last = out.at(-1)
    if (last && last[2] === stem && last[1] === s.no - 1)
      last[1] = s.no
    else
      out.push([s.no, s.no, stem])
  }
  return out
}
