/**
 * `npm run export`: the PDFs a teacher prints, in exports/:
 *
 * - repatriation-leverage.pdf             the self-study deck, one page per
 *                                         slide, then the answer key;
 * - repatriation-leverage-student.pdf     the same slides, without the answer key;
 * - repatriation-leverage-lecture.pdf     the lecture deck (lecture.md), one
 *                                         page per slide, no answers;
 * - repatriation-leverage-handout.pdf     the teaching slides, three to an A4
 *                                         page with their speaker notes, and
 *                                         each module's questions;
 * - repatriation-leverage-answer-key.pdf  the answer key on A4, two columns,
 *                                         grouped by module.
 *
 * `slidev export` renders each deck once with a Chromium found by
 * scripts/browser.ts (KIT_CHROMIUM, /usr/bin/chromium or Playwright's own);
 * the self-study deck without its answer-key slides (the printed answer key
 * replaces them). The files are made from those two renders with pdf-lib,
 * leaving out the slide with nothing to print, the learner's own results.
 * (`slidev export --range` cannot pick slides here: with hash routing the
 * print page does not read it.) Every PDF has
 * a bookmark per part: the title, each module, the final review, the
 * sources, the glossary and the answer key. Extra arguments after `--` go
 * to `slidev export`.
 */
import type { SlideInfo } from '../tests/e2e/deck.ts'
import type { FontFiles } from '../lib/pdf/draw.ts'
import type { OutlineEntry } from '../lib/pdf/outline.ts'
import type { KeyModule } from '../lib/pdf/answer-key.ts'
import { spawnSync } from 'node:child_process'
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { outlinePdfFactory } from '@lillallol/outline-pdf'
import * as pdfLib from 'pdf-lib'
import { loadQuizzes, loadSources } from '../lib/content.ts'
import { exportContext } from '../lib/export/common.ts'
import { answerKeyPdf } from '../lib/pdf/answer-key.ts'
import { handoutPdf } from '../lib/pdf/handout.ts'
import { outlineText, sectionOutline, shiftOutline } from '../lib/pdf/outline.ts'
import { printed } from '../lib/pdf/pages.ts'
import { sectionsOf } from '../lib/plan.ts'
import { readDeck } from '../tests/e2e/deck.ts'
import { answerKeyWanted } from '../setup/preparser.ts'
import { resolveChromium } from './browser.ts'

export const EXPORT_DIR = 'exports'
export const DECK_PDF = `${EXPORT_DIR}/repatriation-leverage.pdf`
export const STUDENT_PDF = `${EXPORT_DIR}/repatriation-leverage-student.pdf`
export const LECTURE_PDF = `${EXPORT_DIR}/repatriation-leverage-lecture.pdf`
export const HANDOUT_PDF = `${EXPORT_DIR}/repatriation-leverage-handout.pdf`
export const ANSWER_KEY_PDF = `${EXPORT_DIR}/repatriation-leverage-answer-key.pdf`

function render(chromium: string, entry: string, output: string, env: Record<string, string>) {
  const args = [
    'slidev', 'export', entry,
    '--output', output,
    '--executable-path', chromium,
    '--timeout', '120000',
    '--wait-until', 'networkidle',
    ...process.argv.slice(2),
  ]
  const r = spawnSync('npx', args, { stdio: 'inherit', env: { ...process.env, ...env, PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD: '1' } })
  if (r.status !== 0) {
    console.error(`export: slidev export ${entry} failed (exit ${r.status})`)
    process.exit(r.status ?? 1)
  }
}

/** Pages that carry no font: a blank page, as an export racing another Slidev server produces. */
function blankPages(doc: pdfLib.PDFDocument): number[] {
  return doc.getPages().flatMap((page, i) => {
    const fonts = page.node.Resources()?.lookup(pdfLib.PDFName.of('Font'))
    return fonts instanceof pdfLib.PDFDict && fonts.keys().length > 0 ? [] : [i + 1]
  })
}

/** Render `entry`, which shows `slides`; once more if a page came out blank. */
async function renderDeck(chromium: string, entry: string, slides: SlideInfo[], env: Record<string, string> = {}): Promise<pdfLib.PDFDocument> {
  const raw = `${EXPORT_DIR}/.slidev-export-${entry.replace(/\W+/g, '-')}.pdf`
  render(chromium, entry, raw, env)
  let doc = await pdfLib.PDFDocument.load(readFileSync(raw))
  const blank = blankPages(doc)
  if (blank.length) {
    // Every slide has a title, so a page without a font is a failed render. Try once more.
    console.warn(`export: ${entry}: ${blank.length} page(s) came out blank (first: ${blank[0]}); exporting again`)
    render(chromium, entry, raw, env)
    doc = await pdfLib.PDFDocument.load(readFileSync(raw))
    const still = blankPages(doc)
    if (still.length)
      throw new Error(`export: ${entry}: ${still.length} page(s) are blank (first: ${still[0]}); is another \`slidev export\` running?`)
  }
  rmSync(raw)
  if (doc.getPageCount() !== slides.length)
    throw new Error(`export: slidev export wrote ${doc.getPageCount()} pages of ${entry} for ${slides.length} slides`)
  return doc
}

const outlinePdf = outlinePdfFactory(pdfLib)

/** Write `doc` with its outline and metadata. */
async function save(file: string, doc: pdfLib.PDFDocument, outline: OutlineEntry[], meta: { title: string, author?: string, subject?: string }): Promise<number> {
  doc.setTitle(meta.title)
  doc.setAuthor(meta.author ?? '')
  doc.setSubject(meta.subject ?? '')
  doc.setLanguage('en')
  const outlined = await outlinePdf({ pdf: await doc.save(), outline: outlineText(outline) })
  writeFileSync(file, await outlined.save())
  return doc.getPageCount()
}

/** A new document with `pages` (0-based) of `source`, then every page of each of `after`. */
async function compose(source: pdfLib.PDFDocument, pages: number[], ...after: pdfLib.PDFDocument[]): Promise<pdfLib.PDFDocument> {
  const doc = await pdfLib.PDFDocument.create()
  for (const p of await doc.copyPages(source, pages))
    doc.addPage(p)
  for (const a of after) {
    for (const p of await doc.copyPages(a, a.getPageIndices()))
      doc.addPage(p)
  }
  return doc
}

/** Source Sans 3 from @fontsource: the kit's own font, regular and bold. */
function fontFiles(): FontFiles {
  const require = createRequire(import.meta.url)
  const file = (w: number) => readFileSync(require.resolve(`@fontsource/source-sans-3/files/source-sans-3-latin-${w}-normal.woff`))
  return { regular: file(400), bold: file(700) }
}

async function main() {
  let chromium
  try {
    chromium = resolveChromium()
  }
  catch (e) {
    console.error(`export: ${(e as Error).message}`)
    process.exit(1)
  }
  mkdirSync(EXPORT_DIR, { recursive: true })
  console.log(`export: using ${chromium.path} (${chromium.from})`)
  const started = Date.now()

  const root = process.cwd()
  const content = loadSources(root)
  const ctx = exportContext(content)
  const banks = loadQuizzes(root, content.facts).map(q => q.quiz).sort((a, b) => a.module - b.module)
  const titles = Object.fromEntries(banks.map(b => [b.module, b.title]))

  const withKey = answerKeyWanted((await import('yaml')).parse(readFileSync('slides.md', 'utf8').split(/^---$/m)[1]) ?? {})
  // The self-study deck is rendered without its answer-key slides (it is the last import, so the others keep their order).
  const selfStudyShown = (await readDeck('slides.md')).filter(s => !s.answerKey)
  const lectureShown = await readDeck('lecture.md')
  const rendered = await renderDeck(chromium.path, 'slides.md', selfStudyShown, { KIT_ANSWER_KEY: 'off' })
  const lectureRendered = await renderDeck(chromium.path, 'lecture.md', lectureShown)
  const selfStudy = selfStudyShown.filter(printed)
  const lecture = lectureShown.filter(printed)
  // Only the printed pages, in order, so page i + 1 is selfStudy[i].
  const deck = await compose(rendered, selfStudy.map(s => selfStudyShown.indexOf(s)))
  const lectureDeck = await compose(lectureRendered, lecture.map(s => lectureShown.indexOf(s)))
  const title = rendered.getTitle() ?? 'Repatriation as Leverage'
  const meta = { author: rendered.getAuthor(), subject: rendered.getSubject() }
  const pagesOf = (n: number) => Array.from({ length: n }, (_, i) => i + 1)
  const slidesOutline = sectionOutline(selfStudy, pagesOf(selfStudy.length), titles)
  const written: string[] = []

  // The answer key, headed by module as the deck names its modules.
  const sections = sectionsOf(selfStudy, titles)
  const heading = (module: number) => sections.find(s => s.module === module)?.title ?? (module === 11 ? 'Final review' : `Module ${module} · ${titles[module]}`)
  const keyModules: KeyModule[] = banks.map(quiz => ({ heading: heading(quiz.module), quiz }))
  const key = await answerKeyPdf(keyModules, ctx.ledger, ctx.references, fontFiles(), title)

  const student = await compose(deck, selfStudy.map((_, i) => i))
  written.push(`${STUDENT_PDF} (${await save(STUDENT_PDF, student, slidesOutline, { ...meta, title: `${title} (student copy, no answers)` })} pages)`)

  if (withKey) {
    const full = await compose(deck, selfStudy.map((_, i) => i), key.doc)
    const keyEntry: OutlineEntry = { page: selfStudy.length + 1, title: 'Answer key', children: shiftOutline(key.outline, selfStudy.length) }
    written.push(`${DECK_PDF} (${await save(DECK_PDF, full, [...slidesOutline, keyEntry], { ...meta, title })} pages)`)
    const keyOnly = await compose(key.doc, key.doc.getPageIndices())
    written.push(`${ANSWER_KEY_PDF} (${await save(ANSWER_KEY_PDF, keyOnly, key.outline, { ...meta, title: `${title}: answer key` })} pages)`)
  }
  else {
    // KIT_ANSWER_KEY=off: no answers in any file.
    written.push(`${DECK_PDF} (${await save(DECK_PDF, await compose(deck, selfStudy.map((_, i) => i)), slidesOutline, { ...meta, title })} pages, no answer key)`)
    rmSync(ANSWER_KEY_PDF, { force: true })
  }

  const lectureOutline = sectionOutline(lecture, pagesOf(lecture.length), titles)
  written.push(`${LECTURE_PDF} (${await save(LECTURE_PDF, await compose(lectureDeck, lecture.map((_, i) => i)), lectureOutline, { ...meta, title: `${title}: lecture` })} pages)`)

  const teaching = selfStudy.map((s, i) => ({ ...s, sourcePage: i })).filter(s => !s.quiz)
  const handout = await handoutPdf(deck, teaching, new Map(banks.map(b => [b.module, b])), ctx.ledger, fontFiles(), title, titles)
  written.push(`${HANDOUT_PDF} (${await save(HANDOUT_PDF, handout.doc, handout.outline, { ...meta, title: `${title}: handout with speaker notes` })} pages)`)

  console.log(`export: wrote ${written.join(', ')} in ${((Date.now() - started) / 1000).toFixed(1)} s`)
}

await main()
