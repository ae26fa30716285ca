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
  /** For each ledger id, the first slide that teaches it. */
  export const teachingSlide: Record<string, number>
  /** The deck: its id (from its title) keys the learner's saved progress. */
  export const deck: { id: string }
}
