declare module 'virtual:kit-reading' {
  import type { ReadingRange } from './links.ts'

  /** Slide ranges and the reading page that shows them (lib/reader/plan.ts). */
  export const readingRanges: ReadingRange[]
}
