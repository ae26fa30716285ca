import { defineVitePluginsSetup } from '@slidev/types'
import { kitContent } from '../lib/vite/content.ts'

/**
 * Registers the kit's data plugin with Slidev's Vite server and build: it
 * validates `sources/` and `quizzes/` and serves them to the components.
 */
export default defineVitePluginsSetup(options => [
  kitContent({
    root: options.userRoot,
    slides: () => options.data.slides.map((s, i) => ({ no: i + 1, content: s.source?.content ?? s.content, file: s.source?.filepath })),
    title: () => typeof options.data.headmatter.title === 'string' ? options.data.headmatter.title : undefined,
    entry: options.entry,
  }),
])
