/**
 * Vite plugin: validates `sources/` and `quizzes/` when the dev server or the
 * build starts, and serves them to components as two virtual modules:
 *
 * - `virtual:kit-content`: the ledger (by id), references and glossary;
 * - `virtual:kit-quizzes`: the question banks and, for each question, the
 *   slide to review when it is missed (lib/review.ts). Only quiz slides
 *   import it, so slide 1 does not pay for it.
 *
 * A malformed file stops `npm run dev` and `npm run build` with
 * `file:line field: message`; while the dev server runs, an edit that breaks
 * a file shows the same message in Vite's error overlay.
 */
import type { Plugin } from 'vite'
import { resolve } from 'node:path'
import { loadQuizzes, loadSources, SOURCE_FILES } from '../content.ts'
import { DataError } from '../load.ts'
import { questionSlides, reviewSlides } from '../review.ts'

export const CONTENT_ID = 'virtual:kit-content'
export const QUIZZES_ID = 'virtual:kit-quizzes'

/** A slide as the plugin needs it: its number, its Markdown and its file. */
export interface SlideText {
  no: number
  content: string
  file?: string
}

export interface KitContentOptions {
  /** Project root holding `sources/` and `quizzes/`. Default: `process.cwd()`. */
  root?: string
  /** The deck's slides, for the question → review slide map. Default: none (empty map). */
  slides?: () => SlideText[]
}

export function kitContent(opts: KitContentOptions = {}): Plugin {
  const root = opts.root ?? process.cwd()
  const ids = new Map([[CONTENT_ID, `\0${CONTENT_ID}`], [QUIZZES_ID, `\0${QUIZZES_ID}`]])
  const watched = (file: string) => /[/\\](sources|quizzes)[/\\][^/\\]+\.ya?ml$/.test(file)

  function fail(e: unknown): never {
    if (e instanceof DataError)
      throw new Error(`The kit's data files have ${e.issues.length} problem(s):\n${e.message}`)
    throw e
  }
  // Read and validated once per build (or per edit in dev), shared by both virtual modules.
  let cached: { sources: ReturnType<typeof loadSources>, quizzes: ReturnType<typeof loadQuizzes> } | undefined
  function loadAll() {
    if (cached)
      return cached
    try {
      const sources = loadSources(root)
      cached = { sources, quizzes: loadQuizzes(root, sources.facts) }
      return cached
    }
    catch (e) {
      fail(e)
    }
  }

  return {
    name: 'kit-content',
    enforce: 'pre',
    config() {
      // Builds, exports and test traces written inside the project must not
      // make a running dev or export server reload its pages.
      return { server: { watch: { ignored: ['**/.bench/**', '**/.playwright/**', '**/exports/**', '**/dist/**'] } } }
    },
    buildStart() {
      for (const f of Object.values(SOURCE_FILES))
        this.addWatchFile(resolve(root, f))
      cached = undefined
      loadAll()
    },
    resolveId(id) {
      return ids.get(id)
    },
    load(id) {
      if (id === ids.get(CONTENT_ID)) {
        const { sources: c } = loadAll()
        return [
          `export const facts = ${JSON.stringify(Object.fromEntries(c.facts.map(f => [f.id, f])))}`,
          `export const references = ${JSON.stringify(Object.fromEntries(c.references.map(r => [r.id, r])))}`,
          `export const glossary = ${JSON.stringify(c.glossary)}`,
        ].join('\n')
      }
      if (id === ids.get(QUIZZES_ID)) {
        const { quizzes } = loadAll()
        return [
          `export const quizzes = ${JSON.stringify(Object.fromEntries(quizzes.map(q => [q.stem, q.quiz])))}`,
          `export const reviewSlide = ${JSON.stringify(reviewSlides(opts.slides?.() ?? [], quizzes.map(q => q.quiz)))}`,
          `export const questionSlide = ${JSON.stringify(questionSlides(opts.slides?.() ?? [], Object.fromEntries(quizzes.map(q => [q.stem, q.quiz]))))}`,
        ].join('\n')
      }
      return undefined
    },
    handleHotUpdate(ctx) {
      if (!watched(ctx.file))
        return undefined
      cached = undefined
      const mods = [...ids.values()].map(i => ctx.server.moduleGraph.getModuleById(i)).filter(m => !!m)
      mods.forEach(m => ctx.server.moduleGraph.invalidateModule(m))
      return mods
    },
  }
}
