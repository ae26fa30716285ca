/**
 * Which slides go to paper.
 */

/** What `printed` reads of a slide (`readDeck` gives it). */
export interface PrintableSlide {
  /** The slide belongs to the answer-key appendix. */
  answerKey?: boolean
  /** The slide's Markdown. */
  content?: string
}

/**
 * Slides with something to print. Not the learner's own results (a page
 * that is empty on paper), nor the answer-key slides: the printed answer
 * key (lib/pdf/answer-key.ts) holds the same entries, compactly.
 */
export function printed(s: PrintableSlide): boolean {
  return !s.answerKey && !/<QuizSummary\b/.test(s.content ?? '')
}
