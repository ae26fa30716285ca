/**
 * The printed answer key: every question of the bank, grouped by module
 * under headings, in two columns on A4, with its answer, explanation and
 * source labels, then the list of sources the labels point to.
 *
 * Its entries are lib/answer-key.ts's, the same as the answer-key slides
 * show; the layout is lib/pdf/flow.ts's.
 */
import type { Reference } from '../ledger/schema.ts'
import type { Ledger } from '../quiz/derive.ts'
import type { QuizFile } from '../quiz/schema.ts'
import type { FontFiles } from './draw.ts'
import type { Block, Line, Measure, PlacedLines, Run, Style } from './flow.ts'
import type { OutlineEntry } from './outline.ts'
import { PDFDocument } from 'pdf-lib'
import { keyEntry, TYPE_LABEL } from '../answer-key.ts'
import { describeReference } from '../cite.ts'
import { A4, COLORS, drawPlaced, embedFonts, measurer } from './draw.ts'
import { flow, stack, wrapRuns } from './flow.ts'

export const KEY_LAYOUT = {
  margin: 36,
  header: 20,
  gutter: 18,
  columns: 2,
  size: 8.5,
  leading: 10.2,
  indent: 14,
} as const

const body: Style = { font: 'regular', size: KEY_LAYOUT.size }
const bold: Style = { font: 'bold', size: KEY_LAYOUT.size }
const small: Style = { font: 'regular', size: 7, color: 'muted' }

/** A bank, named as the key's headings name it. */
export interface KeyModule {
  /** `Module 3 · How repatriation works`, `Final review`. */
  heading: string
  quiz: QuizFile
}

/** The blocks of the key, in order: title, then per module a heading and one block per question, then the sources. */
export function answerKeyBlocks(modules: readonly KeyModule[], ledger: Ledger, references: ReadonlyMap<string, Reference>, measure: Measure, width: number): Block<PlacedLines>[] {
  const { leading, indent } = KEY_LAYOUT
  const para = (runs: Run[], dx = 0, hang = 0) => ({ lines: wrapRuns(runs, width - dx, measure, leading, hang), dx })
  const block = (parts: { lines: Line[], dx: number }[], more: Partial<Block<PlacedLines>> = {}, heading?: string) => stack<PlacedLines>(parts, more, { heading })
  const blocks: Block<PlacedLines>[] = [
    block([
      { lines: wrapRuns([{ text: 'Answer key', style: { font: 'bold', size: 15, color: 'accent' } }], width, measure, 19), dx: 0 },
      para([{ text: 'For the teacher: every question of the bank with its answer, the explanation and the sources, as the answer-key slides give them. Labels: [n] is footnote n of the article, ¶n its paragraph n; the sources are listed at the end. Questions marked “in class” are the lecture\'s class questions.', style: { ...body, color: 'muted' } }]),
    ], { spaceBefore: 0 }),
  ]
  for (const m of modules) {
    blocks.push(block([{ lines: wrapRuns([{ text: m.heading, style: { font: 'bold', size: 10.5, color: 'accent' } }], width, measure, 13), dx: 0 }], { spaceBefore: 9, keepWithNext: true }, m.heading))
    m.quiz.questions.forEach((q, i) => {
      const e = keyEntry(q, i + 1, ledger, references)
      const tag = `(${TYPE_LABEL[e.type]}${e.inClass ? '; in class' : ''} · ${e.id})`
      blocks.push(block([
        para([{ text: `${e.n}.`, style: bold }, { text: ' ', style: body }, { text: e.stem, style: bold }, { text: ` ${tag}`, style: small }], 0, indent),
        para([{ text: 'Answer: ', style: bold }, { text: e.answer, style: body }], indent),
        para([{ text: e.explanation, style: body }], indent),
        para([{ text: 'Sources: ', style: bold }, { text: e.sources.join(', ') || '–', style: body }], indent),
      ], { spaceBefore: 4.5 }))
    })
  }
  blocks.push(block([{ lines: wrapRuns([{ text: 'Sources', style: { font: 'bold', size: 10.5, color: 'accent' } }], width, measure, 13), dx: 0 }], { spaceBefore: 9, keepWithNext: true }, 'Sources'))
  for (const r of references.values()) {
    const text = r.id === 'article' ? `The article: ${[r.publisher, r.date].filter(Boolean).join(', ')}: ${r.title}` : describeReference(r)
    blocks.push(block([para([{ text, style: { font: 'regular', size: 7.5 } }, ...(r.url ? [{ text: ` ${r.url}`, style: { font: 'regular' as const, size: 7, color: 'muted' as const } }] : [])], 0, indent)], { spaceBefore: 2 }))
  }
  return blocks
}

/** The answer key as a PDF, with a bookmark per module. */
export async function answerKeyPdf(modules: readonly KeyModule[], ledger: Ledger, references: ReadonlyMap<string, Reference>, files: FontFiles, title: string): Promise<{ doc: PDFDocument, outline: OutlineEntry[] }> {
  const doc = await PDFDocument.create()
  const fonts = await embedFonts(doc, files)
  const [W, H] = A4
  const { margin, header, gutter, columns } = KEY_LAYOUT
  const colWidth = (W - 2 * margin - gutter * (columns - 1)) / columns
  const frameHeight = H - 2 * margin - header
  const blocks = answerKeyBlocks(modules, ledger, references, measurer(fonts), colWidth)
  const placed = flow(blocks, frameHeight)
  const pageCount = Math.floor((placed.at(-1)?.frame ?? 0) / columns) + 1
  const pages = Array.from({ length: pageCount }, () => doc.addPage([W, H]))
  pages.forEach((page, i) => {
    page.drawText(`${title} · Answer key`, { x: margin, y: H - margin - 8, size: 7.5, font: fonts.regular, color: COLORS.muted })
    const right = `Page ${i + 1} of ${pageCount}`
    page.drawText(right, { x: W - margin - fonts.regular.widthOfTextAtSize(right, 7.5), y: H - margin - 8, size: 7.5, font: fonts.regular, color: COLORS.muted })
    page.drawLine({ start: { x: margin, y: H - margin - 12 }, end: { x: W - margin, y: H - margin - 12 }, thickness: 0.4, color: COLORS.rule })
  })
  const outline: OutlineEntry[] = []
  for (const p of placed) {
    const page = pages[Math.floor(p.frame / columns)]
    drawPlaced(page, fonts, p.block.data, margin + (p.frame % columns) * (colWidth + gutter), H - margin - header - p.y, p.from, p.to)
    if (p.block.data.heading && p.from === 0)
      outline.push({ page: Math.floor(p.frame / columns) + 1, title: p.block.data.heading })
  }
  doc.setTitle(`${title}: answer key`)
  doc.setLanguage('en')
  return { doc, outline }
}
