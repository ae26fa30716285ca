import { defineVitePluginsSetup } from '@slidev/types'
import { readingSlides } from '../lib/reader/slides.ts'
import { kitReading } from '../lib/reader/vite.ts'
import { kitContent } from '../lib/vite/content.ts'

/**
 * Registers the kit's data plugin with Slidev's Vite server and build: it
 * validates `sources/` and `quizzes/` and serves them to the components.
 * The reading plugin tells each slide where the reading view shows it.
 */
export default defineVitePluginsSetup(options => [
  kitContent({
    root: options.userRoot,
    slides: () => options.data.slides.map((s, i) => ({ no: i + 1, content: s.source?.content ?? s.content, file: s.source?.filepath })),
  }),
  kitReading({ slides: () => readingSlides(options.data.slides, options.userRoot) }),
])
