/**
 * What the presenter's notes say about a quiz question: the answer, the
 * explanation and its sources, ready from the start of the slide.
 *
 * Slidev renders notes as Markdown with HTML allowed, in the presenter
 * window. Everything taken from the data is plain text, so it is escaped
 * (`noteText`): `<img onerror=…>` in an explanation shows as those
 * characters and never runs.
 */
import type { Reference } from '../ledger/schema.ts'
import type { Ledger } from './derive.ts'
import type { QuizFile } from './schema.ts'
import { questionSources } from '../cite.ts'
import { describeAnswer } from './grade.ts'

/**
 * Plain text made safe for Slidev's notes: every character that Markdown,
 * HTML, Vue or Slidev's `[click]` markers would read as markup becomes a
 * numeric character reference (shown as itself), and line breaks become
 * spaces, so data can never start a list, a heading or a tag.
 */
export function noteText(text: string): string {
  return text.replace(/\s+/g, ' ').trim().replace(/[&<>`*_[\]\\{}|~$#]/g, c => `&#${c.charCodeAt(0)};`)
}

/** `<Quiz bank="…" :question="N" />` occurrences in a slide's Markdown. */
export function quizRefs(content: string): { src: string, question: number }[] {
  return [...content.matchAll(/<Quiz\b([^>]*)>/g)].map((m) => {
    const src = m[1].match(/\bbank="([^"]+)"/)?.[1] ?? ''
    const n = m[1].match(/:question="(\d+)"/)?.[1]
    return { src, question: n ? Number(n) : 1 }
  })
}

/** Markdown appended to the notes of a slide holding these quizzes. */
export function presenterNotes(refs: { src: string, question: number }[], quizzes: Record<string, QuizFile>, ledger: Ledger, references: ReadonlyMap<string, Reference>): string {
  return refs.map(({ src, question }) => {
    const q = quizzes[src]?.questions[question - 1]
    if (!q)
      throw new Error(`<Quiz bank="${src}" :question="${question}">: no such question in quizzes/${src}.yaml`)
    const sources = questionSources(q.facts, ledger, references)
    return [
      `**Answer (${noteText(q.id)}):** ${noteText(describeAnswer(q, ledger))}`,
      `**Explanation:** ${noteText(q.explanation)}`,
      `**Sources:** ${sources.map(noteText).join('; ')}`,
      'The answer reaches the audience on your next click.',
    ].join('\n\n')
  }).join('\n\n')
}
