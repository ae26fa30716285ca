import { resolve } from 'node:path'
import { defineVitePluginsSetup } from '@slidev/types'
import { readingSlides } from '../lib/reader/slides.ts'
import { kitReading } from '../lib/reader/vite.ts'
import { kitContent } from '../lib/vite/content.ts'
import { kitPlan } from '../lib/vite/plan.ts'

/**
 * Registers the kit's data plugins with Slidev's Vite server and build:
 * `kitContent` validates `sources/` and `quizzes/` and serves them to the
 * components; `kitPlan` serves the unit plan and the presenter's pace;
 * `kitReading` tells each slide where the reading view shows it.
 */
export default defineVitePluginsSetup(options => [
  kitContent({
    root: options.userRoot,
    slides: () => options.data.slides.map((s, i) => ({ no: i + 1, content: s.source?.content ?? s.content, file: s.source?.filepath })),
    title: () => typeof options.data.headmatter.title === 'string' ? options.data.headmatter.title : undefined,
    entry: options.entry,
  }),
  kitPlan({
    root: options.userRoot,
    current: () => options.data.slides,
    // The plan is the lecture's, whichever deck is built. Slidev's CLI has
    // registered the kit's preparser with its parser, so this reads
    // lecture.md exactly as `slidev lecture.md` would.
    lecture: async () => {
      const entry = resolve(options.userRoot, 'lecture.md')
      if (resolve(options.entry) === entry)
        return options.data.slides
      const { load } = await import('@slidev/parser/fs')
      return (await load(options, entry, undefined, options.mode)).slides
    },
  }),
  // The reading view is built from the self-study deck; the lecture (for
  // class, numbered differently) links to none of it.
  kitReading({ slides: () => (options.data.config as { deck?: string }).deck === 'lecture' ? [] : readingSlides(options.data.slides, options.userRoot) }),
])
