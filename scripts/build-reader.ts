/**
 * Builds the reading view into `<out>/read/` after `slidev build`: one static
 * HTML page per module and an index, generated from the same Markdown,
 * ledger, references, glossary and question banks as the deck (see
 * lib/reader/), plus a small script for the live quizzes and diagrams.
 *
 *   tsx scripts/build-reader.ts [--out dist]
 *
 * 1. Reads the deck with Slidev's own parser and the kit's preparser, so
 *    slides are numbered as the deck numbers them.
 * 2. Bundles reader/main.ts with Vite (Vue, the kit's data plugin, Mermaid)
 *    into `read/assets/`.
 * 3. Writes each page with the stylesheet inlined and the body font preloaded.
 *
 * A slide the reading view cannot show (an unknown component, an unknown
 * ledger id) stops the build with its file and slide number.
 */
import type { Reference } from '../lib/ledger/schema.ts'
import type { ReaderAssets, ReaderData } from '../lib/reader/page.ts'
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { injectPreparserExtensionLoader, load } from '@slidev/parser/fs'
import vue from '@vitejs/plugin-vue'
import { build } from 'vite'
import { loadQuizzes, loadSources } from '../lib/content.ts'
import { DataError } from '../lib/load.ts'
import { ReaderError } from '../lib/reader/html.ts'
import { READ_DIR } from '../lib/reader/links.ts'
import { renderReader } from '../lib/reader/page.ts'
import { planReading } from '../lib/reader/plan.ts'
import { readingSlides } from '../lib/reader/slides.ts'
import { kitContent } from '../lib/vite/content.ts'
import preparser from '../setup/preparser.ts'

const root = resolve(import.meta.dirname, '..')
const { values } = parseArgs({ options: { out: { type: 'string', default: 'dist' } } })
const out = resolve(root, values.out!)
const readDir = join(out, READ_DIR)
const started = performance.now()

function fail(msg: string): never {
  console.error(`build-reader: ${msg}`)
  process.exit(1)
}

if (!existsSync(join(out, 'index.html')))
  fail(`${values.out}/index.html is missing: run \`slidev build\` first (npm run build does both)`)

// 1. The deck and its data, as the deck sees them.
injectPreparserExtensionLoader(async (_roots, headmatter, filepath, mode) => preparser({ filepath, headmatter, mode } as never))
const deck = await load({ userRoot: root, roots: [root] } as never, join(root, 'slides.md'))
const slides = readingSlides(deck.slides, root)
let data: ReaderData
try {
  const sources = loadSources(root)
  const quizzes = Object.fromEntries(loadQuizzes(root, sources.facts).map(q => [q.stem, q.quiz]))
  data = {
    ledger: new Map(sources.facts.map(f => [f.id, f])),
    references: new Map<string, Reference>(sources.references.map(r => [r.id, r])),
    referenceList: sources.references,
    glossary: sources.glossary,
    quizzes,
    deckTitle: String(deck.headmatter.title ?? 'Teaching kit'),
    description: typeof deck.headmatter.info === 'string' ? deck.headmatter.info.replace(/\s+/g, ' ').trim() : undefined,
  }
}
catch (e) {
  fail(e instanceof DataError ? `the kit's data files have problems:\n${e.message}` : String(e))
}
const plan = planReading(slides, data.quizzes)

// 2. The script for quizzes and diagrams, and the stylesheet.
rmSync(readDir, { recursive: true, force: true })
await build({
  configFile: false,
  root,
  base: './',
  publicDir: false,
  logLevel: 'warn',
  plugins: [vue(), kitContent({ root, slides: () => slides })],
  // No PostCSS config to look for: the stylesheet needs only @import.
  css: { postcss: {} },
  define: {
    __VUE_OPTIONS_API__: 'false',
    __VUE_PROD_DEVTOOLS__: 'false',
    __VUE_PROD_HYDRATION_MISMATCH_DETAILS__: 'false',
  },
  build: {
    outDir: readDir,
    emptyOutDir: false,
    assetsDir: 'assets',
    manifest: true,
    target: 'es2022',
    chunkSizeWarningLimit: 2000,
    modulePreload: { polyfill: false },
    // The stylesheet is its own entry, inlined into the pages below; the
    // script's chunks then never ask for it again.
    rollupOptions: { input: { reader: join(root, 'reader/main.ts'), style: join(root, 'reader/reader.css') } },
  },
})

interface ManifestChunk { file: string, css?: string[], isEntry?: boolean }
const manifestFile = join(readDir, '.vite', 'manifest.json')
const manifest = JSON.parse(readFileSync(manifestFile, 'utf8')) as Record<string, ManifestChunk>
const entry = manifest['reader/main.ts']
const style = manifest['reader/reader.css']
if (!entry || !style)
  fail('the Vite build produced no reader script or stylesheet')
// The stylesheet goes inline: its url()s, relative to assets/, become relative to read/.
const css = readFileSync(join(readDir, style.file), 'utf8')
  .replace(/url\((['"]?)(?!data:|https?:|\/)(?:\.\/)?([^)'"]+)\1\)/g, (_, q: string, p: string) => `url(${q}assets/${p}${q})`)
  .replace(/<\/style/gi, '<\\/style')
rmSync(join(readDir, style.file))
// Preload the one face every paragraph uses; the others swap in when used.
const bodyFont = css.match(/url\(['"]?(assets\/source-sans-3-latin-400-normal[^)'"]*\.woff2)['"]?\)/)?.[1]
if (!bodyFont)
  fail('the stylesheet has no Source Sans 3 400 latin font to preload')
rmSync(join(readDir, '.vite'), { recursive: true, force: true })

const assets: ReaderAssets = { css, script: entry.file, preload: [bodyFont] }

// 3. The pages.
let pages: Map<string, string>
try {
  pages = renderReader(plan, data, assets)
}
catch (e) {
  fail(e instanceof ReaderError ? e.message : String((e as Error).stack ?? e))
}
mkdirSync(readDir, { recursive: true })
for (const [file, html] of pages)
  writeFileSync(join(readDir, file), html)

const kib = (n: number) => `${(n / 1024).toFixed(0)} KiB`
const sizes = [...pages.values()].map(h => Buffer.byteLength(h))
console.log(`build-reader: ${pages.size} pages in ${values.out}/${READ_DIR}/ (${kib(Math.min(...sizes))}–${kib(Math.max(...sizes))} each, CSS inline ${kib(Buffer.byteLength(css))}) in ${((performance.now() - started) / 1000).toFixed(1)} s`)
