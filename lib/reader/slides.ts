/**
 * The deck's slides as the reading view needs them, from what Slidev's
 * parser gives (`SlideInfo[]`, in the deck's order and numbering): number,
 * file relative to the project root, and Markdown without frontmatter or
 * speaker notes. Used by the deck's plugin and by the reading-view build,
 * so both number slides as Slidev does.
 */
import { isAbsolute, relative } from 'node:path'
import type { ReaderSlide } from './plan.ts'

interface SlideLike {
  content: string
  source?: { filepath?: string, content?: string }
}

export function readingSlides(slides: readonly SlideLike[], root: string): ReaderSlide[] {
  return slides.map((s, i) => {
    const file = s.source?.filepath ?? 'slides.md'
    return {
      no: i + 1,
      file: (isAbsolute(file) ? relative(root, file) : file).replace(/\\/g, '/'),
      content: s.source?.content ?? s.content,
    }
  })
}
