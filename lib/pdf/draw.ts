/**
 * Drawing laid-out text (lib/pdf/flow.ts) onto pdf-lib pages, with the
 * kit's font (Source Sans 3 from @fontsource, embedded and subset) and a
 * fallback for the few characters it lacks.
 */
import type { PDFDocument, PDFFont, PDFPage } from 'pdf-lib'
import type { Line, Measure, PlacedLines, Style } from './flow.ts'
import fontkit from '@pdf-lib/fontkit'
import { rgb } from 'pdf-lib'

/** The font files, as bytes: regular and bold. */
export interface FontFiles {
  regular: Uint8Array
  bold: Uint8Array
}

export interface Fonts {
  regular: PDFFont
  bold: PDFFont
}

export const A4: [number, number] = [595.28, 841.89]

export const COLORS = {
  text: rgb(0.07, 0.07, 0.07),
  muted: rgb(0.3, 0.32, 0.36),
  accent: rgb(0.11, 0.31, 0.54),
  rule: rgb(0.65, 0.65, 0.65),
}

/** Stand-ins for characters the Latin subset of the font lacks. */
const FALLBACK: Record<string, string> = { '✔': '(right)', '✘': '(wrong)', '→': '->', '➜': '->', '◐': '(partly)', '↑': 'up', '↓': 'down', '≈': '~' }

export async function embedFonts(doc: PDFDocument, files: FontFiles): Promise<Fonts> {
  doc.registerFontkit(fontkit)
  return {
    regular: await doc.embedFont(files.regular, { subset: true }),
    bold: await doc.embedFont(files.bold, { subset: true }),
  }
}

/** Replace characters the font lacks, so nothing prints as an empty box. */
export function printable(font: PDFFont, text: string): string {
  const have = new Set(font.getCharacterSet())
  return [...text].map(c => (c === '\n' || have.has(c.codePointAt(0)!) ? c : FALLBACK[c] ?? '?')).join('')
}

export function fontOf(fonts: Fonts, style: Style): PDFFont {
  return style.font === 'bold' ? fonts.bold : fonts.regular
}

/** Text width as drawn (after `printable`). */
export function measurer(fonts: Fonts): Measure {
  return (text, style) => {
    const font = fontOf(fonts, style)
    return font.widthOfTextAtSize(printable(font, text), style.size)
  }
}

/** Draw `lines` with the first baseline `lines[0].leading * 0.8` below `top`. Returns the y below the last line. */
export function drawLines(page: PDFPage, fonts: Fonts, lines: readonly Line[], x: number, top: number): number {
  let y = top
  for (const line of lines) {
    const baseline = y - line.leading * 0.8
    for (const seg of line.segments) {
      if (!seg.text)
        continue
      const font = fontOf(fonts, seg.style)
      page.drawText(printable(font, seg.text), { x: x + seg.x, y: baseline, size: seg.style.size, font, color: COLORS[seg.style.color ?? 'text'] })
    }
    y -= line.leading
  }
  return y
}

/** Draw the part of a placed block between `from` and `to`, its top at `top`. */
export function drawPlaced(page: PDFPage, fonts: Fonts, data: PlacedLines, x: number, top: number, from: number, to: number): void {
  for (const r of data.rows) {
    if (r.y >= from - 0.01 && r.y + r.line.leading <= to + 0.01)
      drawLines(page, fonts, [r.line], x + r.dx, top - (r.y - from))
  }
}
