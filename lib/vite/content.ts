/**
 * Vite plugin: validates `sources/` and `quizzes/` when the dev server or the
 * build starts, and serves them to components as two virtual modules:
 *
 * - `virtual:kit-content`: the ledger (by id), references and glossary;
 * - `virtual:kit-quizzes`: the question banks, for each question the slide
 *   to review when it is missed (lib/review.ts) and the slide that asks it,
 *   and the deck's id, which keys saved progress. Only quiz slides and the
 *   progress badge import it, so slide 1 does not pay for the banks' code.
 *
 * Authoring mistakes (lib/authoring.ts):
 * - `slidev build`: the preparser has already stopped the build with
 *   `file:line field: message`; should the plugin still meet a problem, it
 *   fails with the same lines and no stack trace;
 * - `slidev` (dev): the server keeps running. The problems are printed in
 *   the terminal and shown in Vite's error overlay (on every page load, and
 *   whenever they change); the virtual modules serve the entries that are
 *   sound, so the rest of the deck still works. Saving a data file re-reads
 *   it and re-generates the deck's slides from it.
 */
import type { Plugin, ViteDevServer } from 'vite'
import type { Kit } from '../content.ts'
import { resolve } from 'node:path'
import { current, publish, report, subscribe } from '../authoring.ts'
import { readKit, SOURCE_FILES } from '../content.ts'
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
  /** The deck's title (headmatter `title`), for the progress key. Default: the root folder's name. */
  title?: () => string | undefined
  /** The deck's entry Markdown (`slides.md`): re-read when a data file changes, so generated slides follow. */
  entry?: string
}

/**
 * The deck's id, from its title: lower-case words joined by hyphens
 * (`Repatriation as Leverage` → `repatriation-as-leverage`). Two decks
 * hosted on one site keep their learners' answers apart by it.
 */
export function deckId(title: string | undefined, fallback: string): string {
  const slug = (t: string) => t.normalize('NFKD').replace(/[\u0300-\u036F]/g, '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '')
  return slug(title ?? '') || slug(fallback) || 'deck'
}

/** An `Error` whose printout is its message alone: authoring mistakes get no stack trace. */
function authoringError(message: string): Error {
  const e = new Error(message)
  e.stack = message
  return e
}

export function kitContent(opts: KitContentOptions = {}): Plugin {
  const root = opts.root ?? process.cwd()
  const ids = new Map([[CONTENT_ID, `\0${CONTENT_ID}`], [QUIZZES_ID, `\0${QUIZZES_ID}`]])
  const watched = (file: string) => /[/\\](sources|quizzes)[/\\][^/\\]+\.ya?ml$/.test(file)
  let command: 'serve' | 'build' = 'serve'
  let server: ViteDevServer | undefined

  // Read and checked once per build (or per edit in dev), shared by both virtual modules.
  let cached: Kit | undefined
  function loadAll(): Kit {
    if (cached)
      return cached
    cached = readKit(root)
    if (command === 'build') {
      if (cached.issues.length)
        throw authoringError(report(cached.issues))
    }
    else {
      publish(cached.issues)
    }
    return cached
  }

  /** Show the current problems in the overlay of every open page. */
  function overlay() {
    const issues = current()
    if (server && issues.length)
      server.ws.send({ type: 'error', err: { message: report(issues), stack: '', plugin: 'kit-content' } })
  }

  return {
    name: 'kit-content',
    enforce: 'pre',
    config() {
      // Builds, exports and test traces written inside the project must not
      // make a running dev or export server reload its pages.
      return { server: { watch: { ignored: ['**/.bench/**', '**/.playwright/**', '**/exports/**', '**/dist/**'] } } }
    },
    configResolved(config) {
      command = config.command
    },
    configureServer(s) {
      server = s
      // A page opened (or reloaded) while something is broken shows it at once.
      s.ws.on('connection', () => setTimeout(() => overlay(), 50))
      const unsubscribe = subscribe(() => overlay())
      s.httpServer?.once('close', unsubscribe)
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
        const { content: c } = loadAll()
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
          `export const deck = ${JSON.stringify({ id: deckId(opts.title?.(), root.split(/[/\\]/).pop() ?? '') })}`,
        ].join('\n')
      }
      return undefined
    },
    handleHotUpdate(ctx) {
      if (!watched(ctx.file))
        return undefined
      cached = undefined
      loadAll()
      // Generated slides (quiz questions, answer key …) follow the data: have
      // Slidev re-read the deck, as if its entry had been saved.
      if (opts.entry)
        setTimeout(() => ctx.server.watcher.emit('change', opts.entry), 0)
      const mods = [...ids.values()].map(i => ctx.server.moduleGraph.getModuleById(i)).filter(m => !!m)
      mods.forEach(m => ctx.server.moduleGraph.invalidateModule(m))
      return mods
    },
  }
}
