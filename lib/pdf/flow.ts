/**
 * A small text layout for the printed documents (the answer key and the
 * handout): wrap styled runs into lines, then flow blocks of lines into
 * frames (the columns of successive pages), keeping a heading with what
 * follows it and a question in one piece.
 *
 * Pure: the caller measures text (with the embedded font) and draws.
 */

export interface Style {
  font: 'regular' | 'bold'
  size: number
  /** Default: text. */
  color?: 'text' | 'muted' | 'accent'
}

export interface Run {
  text: string
  style: Style
}

/** Part of a line in one style, `x` from the line's start. */
export interface Segment {
  text: string
  style: Style
  x: number
}

export interface Line {
  segments: Segment[]
  /** Distance from this line's baseline to the next one's. */
  leading: number
}

export type Measure = (text: string, style: Style) => number

/**
 * Break runs into lines no wider than `width`. Breaks at spaces; a `\n`
 * starts a new line. A word wider than the line gets a line of its own.
 * `indent` shifts every line after the first (a hanging indent).
 */
export function wrapRuns(runs: readonly Run[], width: number, measure: Measure, leading: number, indent = 0): Line[] {
  type Token = { text: string, style: Style, space: boolean, br?: boolean }
  const tokens: Token[] = []
  for (const r of runs) {
    for (const part of r.text.split(/(\n|[ \t]+)/)) {
      if (!part)
        continue
      if (part === '\n')
        tokens.push({ text: '', style: r.style, space: false, br: true })
      else
        tokens.push({ text: part.replace(/\t/g, ' '), style: r.style, space: /^\s+$/.test(part) })
    }
  }
  const lines: Line[] = []
  let current: Token[] = []
  let used = 0
  const limit = () => width - (lines.length ? indent : 0)
  const flush = () => {
    while (current.length && current.at(-1)!.space)
      current.pop()
    const segments: Segment[] = []
    let x = lines.length ? indent : 0
    for (const t of current) {
      const last = segments.at(-1)
      if (last && last.style === t.style)
        last.text += t.text
      else
        segments.push({ text: t.text, style: t.style, x })
      x += measure(t.text, t.style)
    }
    lines.push({ segments, leading })
    current = []
    used = 0
  }
  for (const t of tokens) {
    if (t.br) {
      flush()
      continue
    }
    if (t.space) {
      if (current.length)
        current.push(t)
      continue
    }
    const w = measure(t.text, t.style)
    const pending = current.length && current.at(-1)!.space ? measure(current.at(-1)!.text, current.at(-1)!.style) : 0
    if (current.length && used + pending + w > limit())
      flush()
    else
      used += pending
    current.push(t)
    used += w
  }
  if (current.length || !lines.length)
    flush()
  return lines
}

/** The height of lines laid one under the other. */
export function linesHeight(lines: readonly Line[]): number {
  return lines.reduce((h, l) => h + l.leading, 0)
}

/** Something to place: a paragraph, a question, a slide with its notes. */
export interface Block<T = unknown> {
  height: number
  /** Space above the block, dropped at the top of a frame. */
  spaceBefore?: number
  /** Keep on the same frame as the next block (a heading). */
  keepWithNext?: boolean
  /** Offsets (from the block's top) where it may break across frames; none: it moves whole. */
  breaks?: number[]
  /** Start a new frame before this block. */
  newFrame?: boolean
  /** Counted against `maxPerFrame` (e.g. at most three slides a page). */
  counted?: boolean
  data: T
}

/** Where a block (or a part of it, between two of its `breaks`) goes. */
export interface Placement<T = unknown> {
  /** Frame index: frame `f` is column `f % columns` of page `floor(f / columns)`. */
  frame: number
  /** Offset from the frame's top. */
  y: number
  block: Block<T>
  /** The part of the block placed here, as offsets from its top. */
  from: number
  to: number
}

/**
 * Flow blocks into frames of `frameHeight`, in order. A block moves to the
 * next frame when it does not fit (with the block after it, when it is
 * `keepWithNext`); only a block taller than a frame breaks, at its `breaks`.
 */
export function flow<T>(blocks: readonly Block<T>[], frameHeight: number, maxPerFrame = Infinity): Placement<T>[] {
  const out: Placement<T>[] = []
  let frame = 0
  let y = 0
  let counted = 0
  const next = () => {
    frame++
    y = 0
    counted = 0
  }
  blocks.forEach((b, i) => {
    if (b.newFrame && y > 0)
      next()
    if (b.counted && counted >= maxPerFrame)
      next()
    const gap = y > 0 ? b.spaceBefore ?? 0 : 0
    const follower = b.keepWithNext ? blocks[i + 1] : undefined
    const need = b.height + (follower ? (follower.spaceBefore ?? 0) + Math.min(follower.height, firstPiece(follower)) : 0)
    // A block that fits a frame moves whole to the next one; one taller than
    // any frame starts here and breaks where it must.
    const tooTall = b.height > frameHeight && !!b.breaks?.length
    if (y > 0 && y + gap + need > frameHeight && !(tooTall && y + gap + firstPiece(b) <= frameHeight))
      next()
    y += y > 0 ? b.spaceBefore ?? 0 : 0
    if (b.height <= frameHeight - y || !b.breaks?.length) {
      out.push({ frame, y, block: b, from: 0, to: b.height })
      y += b.height
    }
    else {
      // Taller than what is left: place it piece by piece, breaking at the last break that fits.
      let from = 0
      while (from < b.height) {
        const room = frameHeight - y
        const fits = b.breaks.filter(k => k > from && k - from <= room)
        const to = b.height - from <= room ? b.height : fits.at(-1) ?? (y > 0 ? from : b.breaks.find(k => k > from) ?? b.height)
        if (to === from) {
          next()
          continue
        }
        out.push({ frame, y, block: b, from, to })
        y += to - from
        from = to
        if (from < b.height)
          next()
      }
    }
    if (b.counted)
      counted++
  })
  return out
}

/** How much of a block must fit for it to start a frame: all of it, or its first piece. */
function firstPiece(b: Block<unknown>): number {
  return b.breaks?.length ? b.breaks[0] : b.height
}

/** Text to draw as a block: lines, each at an offset from the block's top and an x offset in its frame; a heading names it in the outline. */
export interface PlacedLines { rows: { line: Line, dx: number, y: number }[], heading?: string }

/** Paragraphs stacked into one block, 1.5 pt apart; it may break between lines when longer than a frame. */
export function stack<T extends PlacedLines>(parts: { lines: Line[], dx: number }[], more: Partial<Block<T>> = {}, extra: Omit<T, 'rows'> = {} as Omit<T, 'rows'>): Block<T> {
  const rows: PlacedLines['rows'] = []
  let y = 0
  parts.forEach((p, i) => {
    if (i > 0)
      y += 1.5
    for (const line of p.lines) {
      rows.push({ line, dx: p.dx, y })
      y += line.leading
    }
  })
  return { height: y, breaks: rows.slice(1).map(r => r.y), data: { ...extra, rows } as T, ...more }
}
