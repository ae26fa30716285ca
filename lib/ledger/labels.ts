/**
 * Labels the browser needs, kept apart from the zod schemas so the built
 * deck does not ship zod. `schema.ts` re-exports them.
 */

/** How well a statement is supported; see `Status` in schema.ts. */
export const STATUSES = ['documented', 'reported', 'quotation', 'interpretation'] as const
export type StatusKey = typeof STATUSES[number]

/**
 * Human labels for each status, used by slides, quizzes and the answer key.
 * `interpretation` covers the author's own reading and an unnamed source's
 * assessment that the author adopts, so its label does not say "author's".
 */
export const STATUS_LABEL: Record<StatusKey, string> = {
  documented: 'Documented fact',
  reported: 'Reported by a named outlet',
  quotation: 'Quotation from a named source',
  interpretation: 'Interpretation',
}

/** Sections of the article, as `source.section` names them. */
export const SECTIONS = {
  'august-2022': 'August 2022: the suspension',
  'united-states': 'The United States',
  'fox-hunt-sky-net': 'Fox Hunt and Sky Net',
  'canada': 'Canada',
  'switzerland': 'Switzerland (footnote 5)',
  'conclusion': 'Conclusion',
} as const
export type SectionKey = keyof typeof SECTIONS

/** Body paragraphs of each section, as the ledger header gives them (switzerland is footnote 5). */
export const SECTION_PARAGRAPHS: Record<SectionKey, readonly [number, number] | undefined> = {
  'august-2022': [1, 7],
  'united-states': [8, 14],
  'fox-hunt-sky-net': [15, 16],
  'canada': [17, 34],
  'conclusion': [35, 38],
  'switzerland': undefined,
}
