/**
 * The handout: the deck's teaching slides, at most three to an A4 page, each
 * with its speaker notes beside it (running on below when long), and at the
 * end of each module its quiz questions in one compact list, without
 * answers (those are in the answer key).
 *
 * The slide images are the exported deck's own pages, embedded as vector
 * drawings, not pictures of them.
 */
import type { PlanSlide } from '../plan.ts'
import type { Ledger } from '../quiz/derive.ts'
import type { QuizFile } from '../quiz/schema.ts'
import type { FontFiles } from './draw.ts'
import type { Block, Line, Measure, PlacedLines, Run, Style } from './flow.ts'
import type { OutlineEntry } from './outline.ts'
import { PDFDocument } from 'pdf-lib'
import { groupBySection } from '../plan.ts'
import { A4, COLORS, drawLines, drawPlaced, embedFonts, measurer } from './draw.ts'
import { flow, linesHeight, stack, wrapRuns } from './flow.ts'
import { plainNotes } from './outline.ts'
import { printedQuestion } from './questions.ts'

export const HANDOUT_LAYOUT = {
  margin: 36,
  header: 20,
  /** Slides on one page, at most. */
  perPage: 3,
  imageWidth: 290,
  gap: 12,
  size: 8,
  leading: 9.6,
  label: 10,
} as const

/** A slide of the handout: its place in the exported deck, and whether the lecture leaves it out. */
export interface HandoutSlide extends PlanSlide {
  /** Page of the slide in the exported deck PDF, from 0. */
  sourcePage: number
  selfStudyOnly?: boolean
}

type Slot = { kind: 'slide', slide: HandoutSlide, label: Line[], beside: Line[], below: Line[], imageHeight: number }
type Text = { kind: 'text' } & PlacedLines
type Item = Slot | Text

const notesStyle: Style = { font: 'regular', size: HANDOUT_LAYOUT.size }

/** A line that only makes room, between two paragraphs. */
const spacer = (leading: number): Line => ({ segments: [], leading: leading * 0.5 })

const words = (t: string) => t.split(/\s+/).filter(Boolean)

/**
 * Notes laid beside a slide image `capacity` lines high, at `narrow` width;
 * what does not fit runs on below it at `full` width.
 */
export function notesLayout(text: string, measure: Measure, narrow: number, full: number, capacity: number, style: Style = notesStyle, leading: number = HANDOUT_LAYOUT.leading): { beside: Line[], below: Line[] } {
  const paras = text.split(/\n\s*\n/).map(p => p.trim()).filter(Boolean)
  const beside: Line[] = []
  let rest: string[] = []
  const used = () => linesHeight(beside) / leading
  for (let i = 0; i < paras.length; i++) {
    const lines = wrapRuns([{ text: paras[i], style }], narrow, measure, leading)
    const gap = beside.length ? 0.5 : 0
    if (used() + gap + lines.length <= capacity) {
      if (gap)
        beside.push(spacer(leading))
      beside.push(...lines)
      continue
    }
    const room = Math.floor(capacity - used() - gap)
    if (room > 0) {
      if (gap)
        beside.push(spacer(leading))
      const taken = lines.slice(0, room)
      beside.push(...taken)
      const n = taken.reduce((k, l) => k + words(l.segments.map(s => s.text).join('')).length, 0)
      rest = [words(paras[i]).slice(n).join(' '), ...paras.slice(i + 1)]
    }
    else {
      rest = paras.slice(i)
    }
    break
  }
  const below = rest.filter(Boolean).flatMap((p, i) => [...(i ? [spacer(leading)] : []), ...wrapRuns([{ text: p, style }], full, measure, leading)])
  return { beside, below }
}

/** The handout's blocks: per part of the deck, a heading, its slides, then its questions. */
export function handoutBlocks(slides: readonly HandoutSlide[], banks: ReadonlyMap<number, QuizFile>, ledger: Ledger, measure: Measure, width: number, imageHeight: number, moduleTitles: Readonly<Record<number, string>> = {}): Block<Item>[] {
  const { imageWidth, gap, leading, label } = HANDOUT_LAYOUT
  const narrow = width - imageWidth - gap
  const capacity = Math.floor(imageHeight / leading)
  const text = (runs: Run[], lead: number, dx = 0, hang = 0) => ({ lines: wrapRuns(runs, width - dx, measure, lead, hang), dx })
  const blocks: Block<Item>[] = [
    { ...stack<Text>([
      text([{ text: 'Handout: the slides with their speaker notes', style: { font: 'bold', size: 15, color: 'accent' } }], 19),
      text([{ text: 'The teaching slides of the self-study deck, three to a page, each with its speaker notes. Slides marked “self-study only” are not in the lecture. Each module ends with its quiz questions; the answers are in the answer key.', style: { font: 'regular', size: 8.5, color: 'muted' } }], 10.5),
    ], {}, { kind: 'text' }) },
  ]
  for (const g of groupBySection(slides, moduleTitles)) {
    blocks.push(stack<Text>([text([{ text: g.section.title, style: { font: 'bold', size: 11, color: 'accent' } }], 14)], { spaceBefore: 12, keepWithNext: true }, { kind: 'text', heading: g.section.title }))
    for (const s of g.slides) {
      const notes = notesLayout(plainNotes(s.note) || '(no notes)', measure, narrow, width, capacity)
      const labelText = `Slide ${s.no}${s.selfStudyOnly ? ' · self-study only' : ''}`
      const slot: Slot = { kind: 'slide', slide: s, label: wrapRuns([{ text: labelText, style: { font: 'bold', size: 7.5, color: 'muted' } }], width, measure, label), beside: notes.beside, below: notes.below, imageHeight }
      const height = label + Math.max(imageHeight, linesHeight(notes.beside)) + (notes.below.length ? 4 + linesHeight(notes.below) : 0)
      blocks.push({ height, spaceBefore: 10, counted: true, data: slot })
    }
    const bank = g.section.module !== undefined ? banks.get(g.section.module) : undefined
    if (!bank)
      continue
    blocks.push(stack<Text>([
      text([{ text: `Questions · ${g.section.label}`, style: { font: 'bold', size: 9.5, color: 'accent' } }, { text: ` (${bank.questions.length}; answers in the answer key)`, style: { font: 'regular', size: 8, color: 'muted' } }], 12),
    ], { spaceBefore: 12, keepWithNext: true }, { kind: 'text' }))
    bank.questions.forEach((q, i) => {
      const p = printedQuestion(q, ledger)
      const small: Style = { font: 'regular', size: 7.5, color: 'muted' }
      const lines = [
        text([{ text: `${i + 1}.`, style: { font: 'bold', size: 8 } }, { text: ` ${p.stem}`, style: { font: 'bold', size: 8 } }, ...(p.hint ? [{ text: ` ${p.hint}`, style: small }] : []), ...(q.class ? [{ text: ' · asked in class', style: small }] : [])], leading, 0, 12),
        ...p.groups.map(g => text([{ text: g.join('    '), style: notesStyle }], leading, 12)),
      ]
      blocks.push(stack<Text>(lines, { spaceBefore: 3 }, { kind: 'text' }))
    })
  }
  return blocks
}

/** The handout as a PDF, with a bookmark per part. `source` is the exported deck. */
export async function handoutPdf(source: PDFDocument, slides: readonly HandoutSlide[], banks: ReadonlyMap<number, QuizFile>, ledger: Ledger, files: FontFiles, title: string, moduleTitles: Readonly<Record<number, string>> = {}): Promise<{ doc: PDFDocument, outline: OutlineEntry[] }> {
  const doc = await PDFDocument.create()
  const fonts = await embedFonts(doc, files)
  const [W, H] = A4
  const { margin, header, perPage, imageWidth, gap, label } = HANDOUT_LAYOUT
  const width = W - 2 * margin
  // One embed for all slides, so their fonts and images are stored once.
  const embedded = await doc.embedPdf(source, slides.map(s => s.sourcePage))
  const scale = imageWidth / embedded[0].width
  const imageHeight = embedded[0].height * scale
  const blocks = handoutBlocks(slides, banks, ledger, measurer(fonts), width, imageHeight, moduleTitles)
  const placed = flow(blocks, H - 2 * margin - header, perPage)
  const pageCount = (placed.at(-1)?.frame ?? 0) + 1
  const pages = Array.from({ length: pageCount }, (_, i) => {
    const page = doc.addPage([W, H])
    page.drawText(`${title} · Handout`, { x: margin, y: H - margin - 8, size: 7.5, font: fonts.regular, color: COLORS.muted })
    const right = `Page ${i + 1} of ${pageCount}`
    page.drawText(right, { x: W - margin - fonts.regular.widthOfTextAtSize(right, 7.5), y: H - margin - 8, size: 7.5, font: fonts.regular, color: COLORS.muted })
    page.drawLine({ start: { x: margin, y: H - margin - 12 }, end: { x: W - margin, y: H - margin - 12 }, thickness: 0.4, color: COLORS.rule })
    return page
  })
  const index = new Map(slides.map((s, i) => [s, i]))
  const outline: OutlineEntry[] = []
  for (const p of placed) {
    const page = pages[p.frame]
    const top = H - margin - header - p.y
    const item = p.block.data
    if (item.kind === 'text') {
      drawPlaced(page, fonts, item, margin, top, p.from, p.to)
      if (item.heading && p.from === 0)
        outline.push({ page: p.frame + 1, title: item.heading })
      continue
    }
    drawLines(page, fonts, item.label, margin, top)
    const imageTop = top - label
    page.drawPage(embedded[index.get(item.slide)!], { x: margin, y: imageTop - item.imageHeight, xScale: scale, yScale: scale })
    page.drawRectangle({ x: margin, y: imageTop - item.imageHeight, width: imageWidth, height: item.imageHeight, borderColor: COLORS.rule, borderWidth: 0.5 })
    drawLines(page, fonts, item.beside, margin + imageWidth + gap, imageTop)
    if (item.below.length)
      drawLines(page, fonts, item.below, margin, imageTop - Math.max(item.imageHeight, linesHeight(item.beside)) - 4)
  }
  doc.setTitle(`${title}: handout with speaker notes`)
  doc.setLanguage('en')
  return { doc, outline }
}
