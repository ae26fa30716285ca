/**
 * Write the benchmark's plain Slidev deck to `.bench/plain/`: the kit's
 * expanded slides (from `readDeck()`) with every kit component replaced by
 * Markdown (see ./plain.ts), the kit's headmatter essentials, the same
 * Mermaid blocks, and no components/, setup/ or styles/.
 */
import { createHash } from 'node:crypto'
import { cpSync, existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { parse, stringify } from 'yaml'
import { loadQuizzes, loadSources } from '../../lib/content.ts'
import { formatPlan, unitPlan } from '../../lib/plan.ts'
import { mermaidBlocks, plainDeck, plainHeadmatter } from './plain.ts'

export interface PlainDeckInfo {
  dir: string
  slides: number
  diagrams: number
  /** Diagrams per slide number (1-based), for the step-through. */
  diagramsPerSlide: number[]
  /** Slide numbers holding a `<Quiz>` (kit), with the question's type. */
  quizzes: { no: number, bank: string, question: number, type: string }[]
}

/** What the kit's deck is made of: a change to any of these files changes what is built and measured. */
export const KIT_INPUTS = ['slides.md', 'global-bottom.vue', 'package-lock.json', 'pages', 'quizzes', 'sources', 'components', 'composables', 'setup', 'styles', 'layouts', 'lib', 'public']

/** A hash of the path, size and modification time of every kit input file. */
export function kitFingerprint(root: string): string {
  const h = createHash('sha1')
  const walk = (rel: string) => {
    const abs = join(root, rel)
    if (!existsSync(abs))
      return
    const st = statSync(abs)
    if (st.isDirectory()) {
      for (const name of readdirSync(abs).sort())
        walk(join(rel, name))
    }
    else {
      h.update(`${rel}\0${st.size}\0${st.mtimeMs}\n`)
    }
  }
  KIT_INPUTS.forEach(walk)
  return h.digest('hex')
}

/** The first `---` … `---` block of a Slidev entry file, parsed. */
export function readHeadmatter(md: string): Record<string, unknown> {
  const m = md.match(/^---\r?\n([\s\S]*?)\r?\n---/)
  return m ? (parse(m[1]) ?? {}) as Record<string, unknown> : {}
}

/**
 * Link every entry of the kit's node_modules into `<dir>/node_modules` one by
 * one (a real folder of symlinks, not one symlink to the folder), so that the
 * plain deck's Vite dependency cache (`<dir>/node_modules/.vite`, with the
 * deck's own package.json) is its own and never overwrites the kit's, which
 * `npm test`'s export may be using at the same time.
 */
export function linkNodeModules(root: string, dir: string): void {
  const src = join(root, 'node_modules')
  const dst = join(dir, 'node_modules')
  if (existsSync(dst) && lstatSync(dst).isSymbolicLink())
    rmSync(dst)
  mkdirSync(dst, { recursive: true })
  for (const name of readdirSync(src)) {
    if (name === '.vite' || name === '.cache' || name === '.slidev')
      continue
    const link = join(dst, name)
    if (existsSync(link) || isLink(link))
      continue
    symlinkSync(join(src, name), link)
  }
}

function isLink(p: string): boolean {
  try {
    return lstatSync(p).isSymbolicLink()
  }
  catch {
    return false
  }
}

export async function writePlainDeck(root: string, dir: string): Promise<PlainDeckInfo> {
  const { readDeck } = await import('../../tests/e2e/deck.ts')
  const slides = await readDeck()
  const sources = loadSources(root)
  const banks = loadQuizzes(root, sources.facts)
  const quizzes = Object.fromEntries(banks.map(b => [b.stem, b.quiz]))
  // The agenda's unit plan, from the lecture deck, as `npm run plan` prints it.
  const plan = existsSync(join(root, 'lecture.md')) ? formatPlan(unitPlan(await readDeck('lecture.md'), quizzes)) : undefined
  const data = { facts: new Map(sources.facts.map(f => [f.id, f])), references: sources.references, glossary: sources.glossary, quizzes, plan }

  const head = plainHeadmatter(readHeadmatter(readFileSync(join(root, 'slides.md'), 'utf8')))
  const md = plainDeck(stringify(head), slides.map(s => ({ no: s.no, content: s.content ?? '', note: s.note })), data)

  // Same diagrams, verbatim and in the same order.
  const kitBlocks = slides.flatMap(s => mermaidBlocks(s.content ?? ''))
  const plainBlocks = mermaidBlocks(md)
  if (kitBlocks.length !== plainBlocks.length || kitBlocks.some((b, i) => b !== plainBlocks[i]))
    throw new Error(`plain deck: Mermaid blocks differ (kit ${kitBlocks.length}, plain ${plainBlocks.length})`)

  // A fresh folder each run, but keep node_modules links and old builds out of the way.
  mkdirSync(dir, { recursive: true })
  for (const name of ['slides.md', 'public', 'components', 'setup', 'styles'])
    rmSync(join(dir, name), { recursive: true, force: true })
  writeFileSync(join(dir, 'slides.md'), md)
  // Its own package.json makes Vite put its dependency cache in <dir>/node_modules/.vite, not in the kit's.
  writeFileSync(join(dir, 'package.json'), `${JSON.stringify({ name: 'bench-plain-deck', private: true, type: 'module' }, null, 2)}\n`)
  if (typeof head.favicon === 'string' && head.favicon.startsWith('/')) {
    const fav = join(root, 'public', head.favicon)
    if (existsSync(fav)) {
      mkdirSync(join(dir, 'public'), { recursive: true })
      cpSync(fav, join(dir, 'public', head.favicon))
    }
  }
  linkNodeModules(root, dir)

  // Slide count as Slidev itself parses the plain file.
  const { load } = await import('@slidev/parser/fs')
  const parsed = await load({ userRoot: resolve(dir), roots: [resolve(dir)] } as never, resolve(dir, 'slides.md'))
  if (parsed.slides.length !== slides.length)
    throw new Error(`plain deck: ${parsed.slides.length} slides, the kit has ${slides.length}`)

  return {
    dir,
    slides: slides.length,
    diagrams: kitBlocks.length,
    diagramsPerSlide: slides.map(s => s.diagrams),
    quizzes: slides.filter(s => s.quiz).map(s => ({ no: s.no, bank: s.quiz!.src, question: s.quiz!.question, type: quizzes[s.quiz!.src]?.questions[s.quiz!.question - 1]?.type ?? '?' })),
  }
}
