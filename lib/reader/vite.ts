/**
 * Vite plugin for the deck: serves `virtual:kit-reading`, which tells each
 * slide where the reading view shows it (see plan.ts `readingRanges`). A
 * few hundred bytes: one `[from, to, page]` range per module.
 */
import type { Plugin } from 'vite'
import type { ReaderSlide } from './plan.ts'
import { readingRanges } from './plan.ts'

export const READING_ID = 'virtual:kit-reading'

export function kitReading(opts: { slides: () => ReaderSlide[] }): Plugin {
  const resolved = `\0${READING_ID}`
  return {
    name: 'kit-reading',
    resolveId: id => (id === READING_ID ? resolved : undefined),
    load(id) {
      if (id !== resolved)
        return undefined
      return `export const readingRanges = ${JSON.stringify(readingRanges(opts.slides()))}`
    },
  }
}
