/**
 * Links between the deck and the reading view. Kept apart from the rest of
 * lib/reader (and free of imports) because the deck's own bundle uses it.
 */

/** The folder of the reading view inside the build, and in its URLs. */
export const READ_DIR = 'read'

/** Slide ranges and the reading page that shows them: `[from, to, stem]`, stem `''` for the index. */
export type ReadingRange = [number, number, string]

/** The file of a reading page, relative to the reading folder: `index.html` or `04-united-states.html`. */
export function pageFile(stem: string): string {
  return stem ? `${stem}.html` : 'index.html'
}

/**
 * The link from deck slide `no` to the place that shows it in the reading
 * view, relative to the deck (`read/04-united-states.html#slide-45`), or
 * `undefined` when the slide has no reading page.
 */
export function readingHref(ranges: readonly ReadingRange[], no: number): string | undefined {
  const r = ranges.find(([from, to]) => no >= from && no <= to)
  if (!r)
    return undefined
  return r[2] ? `${READ_DIR}/${pageFile(r[2])}#slide-${no}` : `${READ_DIR}/${pageFile('')}`
}
