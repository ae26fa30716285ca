/**
 * Labels the browser needs, kept apart from the zod schemas so the built
 * deck does not ship zod. `schema.ts` re-exports them.
 */

/** How well a statement is supported; see `Status` in schema.ts. */
export const STATUSES = ['documented', 'reported', 'quotation', 'interpretation'] as const
export type StatusKey = typeof STATUSES[number]

/** Human labels for each status, used by slides, quizzes and the answer key. */
export const STATUS_LABEL: Record<StatusKey, string> = {
  documented: 'Documented fact',
  reported: 'Reported by a named outlet',
  quotation: 'Attributed quotation',
  interpretation: "Author's interpretation",
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
