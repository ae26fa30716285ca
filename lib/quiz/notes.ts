/**
 * What the presenter's notes say about a quiz question: the answer, the
 * explanation and its sources, ready from the start of the slide.
 */
import type { Reference } from '../ledger/schema.ts'
import type { Ledger } from './derive.ts'
import type { QuizFile } from './schema.ts'
import { questionSources } from '../cite.ts'
import { describeAnswer } from './grade.ts'

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
      `**Answer (${q.id}):** ${describeAnswer(q, ledger)}`,
      `**Explanation:** ${q.explanation}`,
      `**Sources:** ${sources.join('; ')}`,
      'The answer reaches the audience on your next click.',
    ].join('\n\n')
  }).join('\n\n')
}
