/**
 * The pieces of the GIFT format that every question type writes with:
 * Moodle's escaping, answer lines with feedback, matching pairs, weights and
 * the general feedback. The types' own GIFT mappings live in their modules
 * (`lib/quiz/types/<type>.ts`, member `gift`); `gift.ts` assembles files.
 *
 * Pure, and imports nothing that imports the question-type registry.
 */
import type { ExportContext } from './common.ts'
import { COURSE_TITLE, sourcesLine } from './common.ts'

// ─── Text ────────────────────────────────────────────────────────────────────

/**
 * Escape text for GIFT the way Moodle's own GIFT exporter does (`repchar` in
 * `question/format/gift/format.php`): a backslash before each of
 * `~ = # { } :` and before a backslash itself, and a line break written as
 * `\n`. Moodle (and gift-pegjs) turn `\n` back into a line break.
 */
export function escapeGift(text: string): string {
  return text
    .replace(/[\\~=#{}:]/g, c => `\\${c}`)
    .replace(/\r\n?|\n/g, '\\n')
}

/**
 * Whitespace as GIFT readers keep it: lines trimmed, runs of two or more
 * blanks within a line made one space (gift-pegjs collapses them; Moodle's
 * HTML rendering does too), line endings made `\n`, no blank lines at the ends.
 */
export function normaliseSpace(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map(line => line.replace(/[^\S\n]{2,}/g, ' ').trim())
    .join('\n')
    .trim()
}

/** Normalised and escaped: what goes into a question text, answer or feedback. */
export function giftText(text: string): string {
  return escapeGift(normaliseSpace(text))
}

/**
 * The left side of a matching pair. GIFT has no escape for `->`, and both
 * Moodle and gift-pegjs cut a pair at its first `->`, so an arrow written in
 * a left text becomes `→`.
 */
export function matchLeft(text: string): string {
  return normaliseSpace(text).replace(/->/g, '→')
}

/** A category path segment: Moodle reads `/` as a path separator and `//` as a literal slash. */
function categorySegment(title: string): string {
  return normaliseSpace(title).replace(/\n/g, ' ').replace(/\//g, '//')
}

/** `$course$/Repatriation as Leverage/<module title>`. */
export function categoryPath(title: string): string {
  return `$course$/${categorySegment(COURSE_TITLE)}/${categorySegment(title)}`
}

/** `100 / n` rounded as Moodle's grade list writes it (5 decimals): 50, 33.33333, 14.28571. */
export function rightWeight(nCorrect: number): number {
  return Number((100 / nCorrect).toFixed(5))
}

/** The weight of a wrong option of a multiple-answer question: −100, so that choosing every option scores 0. */
export const WRONG_WEIGHT = -100

// ─── Questions ───────────────────────────────────────────────────────────────

/** The parts of one GIFT question, before escaping is applied to the answers' layout. */
export interface GiftParts {
  /** Question text (plain, unescaped). */
  stem: string
  /** Answer lines inside `{ … }`, already in GIFT syntax (escaped). */
  answers: string[]
  /** `{#` for numeric questions, else `{`. */
  open?: string
  /**
   * Text after the answer block (plain, unescaped): GIFT's "missing word"
   * form, `stem {answers} after`, where the answer stands in the sentence.
   * Default: none.
   */
  after?: string
  /** General feedback (plain, unescaped). */
  general: string
}

/** The general feedback: explanation, notes, then sources, one per line. */
export function generalFeedback(q: { explanation: string, facts: readonly string[] }, ctx: ExportContext, notes: string[] = []): string {
  return [q.explanation, ...notes, sourcesLine(q, ctx)].filter(Boolean).join('\n')
}

/** `text#feedback`, escaped; no `#` when there is no feedback. */
export function withFeedback(text: string, feedback: string | undefined): string {
  return feedback ? `${giftText(text)}#${giftText(feedback)}` : giftText(text)
}

/** `=left -> right`; an empty left offers `right` as an extra, never-right choice. */
export function pair(left: string, right: string): string {
  return left ? `=${escapeGift(matchLeft(left))} -> ${giftText(right)}` : `= -> ${giftText(right)}`
}

