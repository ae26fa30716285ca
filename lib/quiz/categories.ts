/**
 * Category keys and labels of classify questions, kept apart from the zod
 * schemas so the built deck does not ship zod. `schema.ts` re-exports them.
 */
import type { StatusKey } from '../ledger/labels.ts'
import { STATUS_LABEL, STATUSES } from '../ledger/labels.ts'

/** Category keys of a classify question: `fact` / `interpretation`, or the four ledger statuses. */
export const BINARY_CATEGORIES = ['fact', 'interpretation'] as const
export type BinaryCategory = typeof BINARY_CATEGORIES[number]
export type Category = BinaryCategory | StatusKey

/** The category keys a learner may choose under `scheme` (`binary` or `status`). */
export function categoriesOf(scheme: 'binary' | 'status'): readonly Category[] {
  return scheme === 'binary' ? BINARY_CATEGORIES : STATUSES
}

/**
 * Human labels of the binary categories (the status labels are `STATUS_LABEL`).
 * "On the record" gathers what the article documents, what a named outlet
 * reported and what a named person or document said; "Interpretation" is a
 * reading, assessment or prediction, the author's or an unnamed source's.
 * A quoted opinion of a named speaker is on the record as a quotation: the
 * label says what the record holds, not that the opinion is true.
 */
export const BINARY_LABEL: Record<BinaryCategory, string> = {
  fact: 'On the record',
  interpretation: 'Interpretation',
}

/** Human label of a classify category. */
export function categoryLabel(c: Category): string {
  return c in BINARY_LABEL ? BINARY_LABEL[c as BinaryCategory] : STATUS_LABEL[c as StatusKey]
}
