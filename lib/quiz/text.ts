/**
 * Small text helpers shared by grading and validation: reading a number a
 * learner typed, finding the figures in a sentence, comparing wording.
 */

/** Words a learner may put before a figure: "about 39,000", "~39000". */
const HEDGE = /^(?:about|around|approximately|approx\.?|roughly|circa|c\.|some|nearly|~)\s*/i

/** A plain number, or one grouped in thousands by commas or (no-break) spaces. */
const NUMBER = /^[-+]?(?:\d{1,3}(?:,\d{3})+|\d{1,3}(?:[ \u00a0\u202f]\d{3})+|\d+)(?:\.\d+)?$/

/**
 * Read a number typed by a learner: `"39,000"`, `"39 000"`, `"about 39000"`,
 * `"39000 people"` (when `unit` is `people`). Returns `undefined` for anything
 * else (`"lots"`, `"39,00"`, `""`), which counts as not answered.
 */
export function parseNumberInput(input: unknown, unit?: string): number | undefined {
  if (typeof input === 'number')
    return Number.isFinite(input) ? input : undefined
  if (typeof input !== 'string')
    return undefined
  let s = input.trim().replace(HEDGE, '')
  if (unit) {
    const u = unit.trim().toLowerCase()
    if (u && s.toLowerCase().endsWith(u))
      s = s.slice(0, s.length - u.length).trim()
  }
  if (!NUMBER.test(s))
    return undefined
  return Number(s.replace(/[, \u00a0\u202f]/g, ''))
}

/**
 * The figures written in a text, as numbers: `"39,000 people in 2021"` →
 * `[39000, 2021]`. Digits glued to letters before them (`G20`) are not
 * figures; a trailing suffix (`1990s`, `10th`) is allowed.
 */
export function extractNumbers(text: string): number[] {
  const found = text.matchAll(/(?<![A-Za-z\d.,])(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?(?!\d)/g)
  return [...found].map(m => Number(m[1].replace(/,/g, '') + (m[2] ?? '')))
}

/**
 * Wording normalised for comparison: lower case, one space, straight quotes
 * and hyphens, no surrounding punctuation. `"“The MPS”."` → `the mps`.
 */
export function normalise(text: string): string {
  return text
    .toLowerCase()
    .replace(/[“”„"«»‘’']/g, '')
    .replace(/[‐‑‒–—]/g, '-')
    .replace(/[\s\u00a0\u202f]+/g, ' ')
    .replace(/^[\s.,;:!?]+|[\s.,;:!?]+$/g, '')
}

/** Whether `text` contains `part`, compared normalised. */
export function containsNormalised(text: string, part: string): boolean {
  const p = normalise(part)
  return p.length > 0 && normalise(text).includes(p)
}

/** Option letter: 0 → A, 1 → B … 25 → Z, 26 → AA. */
export function letter(index: number): string {
  let n = index
  let s = ''
  do {
    s = String.fromCharCode(65 + (n % 26)) + s
    n = Math.floor(n / 26) - 1
  } while (n >= 0)
  return s
}
