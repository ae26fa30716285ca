declare module 'virtual:kit-content' {
  import type { Fact, GlossaryEntry, Reference } from '../lib/ledger/schema.ts'

  export const facts: Record<string, Fact>
  export const references: Record<string, Reference>
  export const glossary: GlossaryEntry[]
}

declare module 'virtual:kit-quizzes' {
  import type { QuizFile } from '../lib/quiz/schema'

  /** Question banks by file stem, e.g. `03-repatriation`. */
  export const quizzes: Record<string, QuizFile>
  /** For each question id, the teaching slide to review when it is missed (lib/review.ts). */
  export const reviewSlide: Record<string, number>
  /** For each question id, the slide that asks it. */
  export const questionSlide: Record<string, number>
  /** The deck: its id (from its title) keys the learner's saved progress. */
  export const deck: { id: string }
}
