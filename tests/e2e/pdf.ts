/**
 * Read an exported PDF with poppler-utils (pdfinfo, pdftotext, pdftoppm),
 * as a teacher's PDF viewer would show it.
 */
import { execFileSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { PDFDict, PDFDocument, PDFHexString, PDFName, PDFString } from 'pdf-lib'

function run(cmd: string, args: string[]): Buffer {
  try {
    return execFileSync(cmd, args, { maxBuffer: 256 * 1024 * 1024 })
  }
  catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT')
      throw new Error(`${cmd} not found: install poppler-utils (apt-get install poppler-utils)`)
    throw e
  }
}

export function pageCount(pdf: string): number {
  const info = run('pdfinfo', [pdf]).toString()
  const m = info.match(/^Pages:\s+(\d+)/m)
  if (!m)
    throw new Error(`pdfinfo gave no page count for ${pdf}`)
  return Number(m[1])
}

/** Text of every page, in order, whitespace folded: one pdftotext run, split at its form feeds. */
export function pageTexts(pdf: string): string[] {
  const pages = run('pdftotext', ['-enc', 'UTF-8', pdf, '-']).toString().split('\f')
  // pdftotext ends the last page with a form feed too.
  if (pages.length > 1 && !pages.at(-1)!.trim())
    pages.pop()
  return pages.map(t => t.replace(/\s+/g, ' ').trim())
}

/** Text of one page (1-based), whitespace folded. */
export function pageText(pdf: string, page: number): string {
  return run('pdftotext', ['-f', String(page), '-l', String(page), '-enc', 'UTF-8', pdf, '-']).toString().replace(/\s+/g, ' ').trim()
}

/**
 * Share (0–1) of the page's pixels that are not background, below the top
 * `skipTop` fraction (the title). Rendered greyscale at a low resolution.
 */
export function inkBelow(pdf: string, page: number, skipTop = 0.22): number {
  const pgm = run('pdftoppm', ['-gray', '-r', '24', '-f', String(page), '-l', String(page), '-singlefile', pdf])
  // Binary PGM: "P5\n<w> <h>\n<max>\n" then w*h bytes.
  const header = pgm.subarray(0, 64).toString('latin1').match(/^P5\s+(\d+)\s+(\d+)\s+(\d+)\s/)
  if (!header)
    throw new Error('pdftoppm did not return a PGM image')
  const [, w, h] = header.map(Number)
  const pixels = pgm.subarray(header[0].length)
  const bg = pixels[pixels.length - 1] // bottom-right corner is background
  let ink = 0
  const y0 = Math.floor(h * skipTop)
  for (let y = y0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      if (Math.abs(pixels[y * w + x] - bg) > 40)
        ink++
    }
  }
  return ink / (w * (h - y0))
}

/** Fonts `pdffonts` lists, with whether each is embedded. */
export function fonts(pdf: string): { name: string, embedded: boolean }[] {
  const lines = run('pdffonts', [pdf]).toString().split('\n').slice(2).filter(Boolean)
  return lines.map((l) => {
    const cols = l.trim().split(/\s+/)
    // name type [type2] encoding emb sub uni object ID: emb is the 5th field from the end.
    return { name: cols[0], embedded: cols[cols.length - 5] === 'yes' }
  })
}

/** Raster images on one page, from `pdfimages -list`. */
export function imagesOn(pdf: string, page: number): number {
  const out = run('pdfimages', ['-f', String(page), '-l', String(page), '-list', pdf]).toString()
  return out.split('\n').slice(2).filter(l => l.trim()).length
}

/** The PDF outline as a tree of titles, read with pdf-lib. */
export async function outline(pdf: string): Promise<{ title: string, children: string[] }[]> {
  const doc = await PDFDocument.load(readFileSync(pdf))
  const text = (d: PDFDict) => {
    const t = d.lookup(PDFName.of('Title'))
    return t instanceof PDFHexString || t instanceof PDFString ? t.decodeText() : ''
  }
  const items = (first: unknown): PDFDict[] => {
    const out: PDFDict[] = []
    let node = first instanceof PDFDict ? first : undefined
    while (node) {
      out.push(node)
      const next = node.lookup(PDFName.of('Next'))
      node = next instanceof PDFDict ? next : undefined
    }
    return out
  }
  const root = doc.catalog.lookup(PDFName.of('Outlines'))
  if (!(root instanceof PDFDict))
    return []
  return items(root.lookup(PDFName.of('First'))).map(d => ({
    title: text(d),
    children: items(d.lookup(PDFName.of('First'))).map(text),
  }))
}
