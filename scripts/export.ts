/**
 * `npm run export`: the PDFs a teacher prints, in exports/:
 *
 * - repatriation-leverage.pdf          the deck, one page per slide, with the
 *                                      answer-key appendix and an outline
 *                                      (bookmarks) per module;
 * - repatriation-leverage-student.pdf  the same deck without the answer key;
 * - repatriation-leverage-handout.pdf  for the lecturer: each slide with its
 *                                      speaker notes, on A4.
 *
 * `slidev export` renders the deck once with a Chromium found by
 * scripts/browser.ts (KIT_CHROMIUM, /usr/bin/chromium or Playwright's own);
 * the other two are made from that PDF with pdf-lib, so every copy shows
 * the same pages. Extra arguments after `--` go to `slidev export`.
 */
import type { PDFFont, PDFPage } from 'pdf-lib'
import type { SlideInfo } from '../tests/e2e/deck.ts'
import { spawnSync } from 'node:child_process'
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import fontkit from '@pdf-lib/fontkit'
import { outlinePdfFactory } from '@lillallol/outline-pdf'
import * as pdfLib from 'pdf-lib'
import { moduleOutline, plainNotes, wrap } from '../lib/pdf/outline.ts'
import { readDeck } from '../tests/e2e/deck.ts'
import { resolveChromium } from './browser.ts'

export const EXPORT_DIR = 'exports'
export const DECK_PDF = `${EXPORT_DIR}/repatriation-leverage.pdf`
export const STUDENT_PDF = `${EXPORT_DIR}/repatriation-leverage-student.pdf`
export const HANDOUT_PDF = `${EXPORT_DIR}/repatriation-leverage-handout.pdf`
const RAW_PDF = `${EXPORT_DIR}/.slidev-export.pdf`

function render(chromium: string) {
  const args = [
    'slidev', 'export', 'slides.md',
    '--output', RAW_PDF,
    '--executable-path', chromium,
    '--timeout', '120000',
    '--wait-until', 'networkidle',
    ...process.argv.slice(2),
  ]
  const r = spawnSync('npx', args, { stdio: 'inherit', env: { ...process.env, PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD: '1' } })
  if (r.status !== 0) {
    console.error(`export: slidev export failed (exit ${r.status})`)
    process.exit(r.status ?? 1)
  }
}

const outlinePdf = outlinePdfFactory(pdfLib)

/** Keep only `pages` (1-based) of `source`, add the module outline, and set the metadata. */
async function subset(source: pdfLib.PDFDocument, slides: SlideInfo[], title: string): Promise<Uint8Array> {
  const doc = await pdfLib.PDFDocument.create()
  const pages = await doc.copyPages(source, slides.map(s => s.no - 1))
  pages.forEach(p => doc.addPage(p))
  doc.setTitle(title)
  doc.setAuthor(source.getAuthor() ?? '')
  doc.setSubject(source.getSubject() ?? '')
  doc.setLanguage('en')
  const outline = moduleOutline(slides.map((s, i) => ({ page: i + 1, title: s.title, file: s.file })))
  const outlined = await outlinePdf({ pdf: await doc.save(), outline })
  return outlined.save()
}

/** A font that holds the notes' characters: Source Sans 3 from @fontsource, embedded and subset. */
function loadFont(): Uint8Array {
  const require = createRequire(import.meta.url)
  return readFileSync(require.resolve('@fontsource/source-sans-3/files/source-sans-3-latin-400-normal.woff'))
}

/** Replace characters the font lacks, so a note never prints as empty boxes. */
function printable(font: PDFFont, text: string): string {
  const sets = font.getCharacterSet()
  const have = new Set(sets)
  return [...text].map((c) => {
    const code = c.codePointAt(0)!
    if (c === '\n' || have.has(code))
      return c
    return ({ '✔': '(right)', '✘': '(wrong)', '→': '->', '➜': '->', '◐': '(partly)', '↑': 'up', '↓': 'down' } as Record<string, string>)[c] ?? '?'
  }).join('')
}

async function handout(source: pdfLib.PDFDocument, slides: SlideInfo[]): Promise<Uint8Array> {
  const doc = await pdfLib.PDFDocument.create()
  doc.registerFontkit(fontkit)
  const font = await doc.embedFont(loadFont(), { subset: true })
  doc.setTitle(`${source.getTitle() ?? 'Deck'}: handout with speaker notes`)
  doc.setLanguage('en')
  const [W, H, M] = [595.28, 841.89, 40] // A4 portrait, 40 pt margins
  const size = 10
  const lead = 13.5
  const outline: { page: number, title: string, file: string }[] = []

  // One embed for every page, so fonts and images are stored once, not per page.
  const embeddedPages = await doc.embedPdf(source, slides.map(s => s.no - 1))
  for (const [i, s] of slides.entries()) {
    const embedded = embeddedPages[i]
    const scale = (W - 2 * M) / embedded.width
    let page: PDFPage = doc.addPage([W, H])
    outline.push({ page: doc.getPageCount(), title: s.title, file: s.file })
    const header = printable(font, `Slide ${s.no} of ${slides.length} · ${s.title}`)
    page.drawText(header, { x: M, y: H - M, size: 9, font, color: pdfLib.rgb(0.3, 0.3, 0.3) })
    const top = H - M - 14
    const h = embedded.height * scale
    page.drawPage(embedded, { x: M, y: top - h, xScale: scale, yScale: scale })
    page.drawRectangle({ x: M, y: top - h, width: W - 2 * M, height: h, borderColor: pdfLib.rgb(0.6, 0.6, 0.6), borderWidth: 0.5 })
    let y = top - h - 24
    page.drawText('Speaker notes', { x: M, y, size: 11, font, color: pdfLib.rgb(0.11, 0.31, 0.54) })
    y -= lead + 4
    const lines = wrap(printable(font, plainNotes(s.note) || '(no notes)'), W - 2 * M, t => font.widthOfTextAtSize(t, size))
    for (const line of lines) {
      if (y < M) {
        page = doc.addPage([W, H])
        y = H - M
      }
      if (line)
        page.drawText(line, { x: M, y, size, font })
      y -= lead
    }
  }
  const outlined = await outlinePdf({ pdf: await doc.save(), outline: moduleOutline(outline) })
  return outlined.save()
}

/** Pages that carry no font: a blank page, as an export racing another Slidev server produces. */
function blankPages(doc: pdfLib.PDFDocument): number[] {
  return doc.getPages().flatMap((page, i) => {
    const fonts = page.node.Resources()?.lookup(pdfLib.PDFName.of('Font'))
    return fonts instanceof pdfLib.PDFDict && fonts.keys().length > 0 ? [] : [i + 1]
  })
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
  render(chromium.path)
  let raw = await pdfLib.PDFDocument.load(readFileSync(RAW_PDF))
  const blank = blankPages(raw)
  if (blank.length) {
    // Every slide has a title, so a page without a font is a failed render. Try once more.
    console.warn(`export: ${blank.length} page(s) came out blank (first: ${blank[0]}); exporting again`)
    render(chromium.path)
    raw = await pdfLib.PDFDocument.load(readFileSync(RAW_PDF))
    const still = blankPages(raw)
    if (still.length)
      throw new Error(`export: ${still.length} page(s) are blank (first: ${still[0]}); is another \`slidev export\` running?`)
  }

  const slides = await readDeck()
  if (raw.getPageCount() !== slides.length)
    throw new Error(`export: slidev export wrote ${raw.getPageCount()} pages for ${slides.length} slides`)

  writeFileSync(DECK_PDF, await subset(raw, slides, raw.getTitle() ?? 'Repatriation as Leverage'))
  const student = slides.filter(s => !s.answerKey)
  writeFileSync(STUDENT_PDF, await subset(raw, student, `${raw.getTitle() ?? 'Deck'} (student copy, no answer key)`))
  writeFileSync(HANDOUT_PDF, await handout(raw, slides))
  rmSync(RAW_PDF)
  console.log(`export: wrote ${DECK_PDF} (${slides.length} pages), ${STUDENT_PDF} (${student.length} pages) and ${HANDOUT_PDF} in ${((Date.now() - started) / 1000).toFixed(1)} s`)
}

await main()
