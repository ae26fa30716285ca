/**
 * Read an exported PDF with poppler-utils (pdfinfo, pdftotext, pdftoppm),
 * as a teacher's PDF viewer would show it.
 */
import { execFileSync } from 'node:child_process'

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
