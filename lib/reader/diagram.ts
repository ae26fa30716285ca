/**
 * How the reading view lays out a diagram for its column. Pure, so the
 * rule is tested without a browser; reader/diagram.ts applies it.
 */

/** Below this column width (CSS px), left-to-right flowcharts are drawn top to bottom. */
export const NARROW = 640
/** The smallest scale a diagram is shown at; a diagram that needs less scrolls sideways instead. */
export const MIN_SCALE = 0.7

/**
 * The same diagram, laid out top to bottom on a narrow column when it is a
 * left-to-right flowchart (its subgraphs too). Other diagrams, and any
 * diagram on a wide column, are left as written.
 */
export function forColumn(source: string, width: number): string {
  if (width >= NARROW)
    return source
  return source
    .replace(/^(\s*(?:flowchart|graph)\s+)(?:LR|RL)\b/m, '$1TB')
    .replace(/^(\s*direction\s+)(?:LR|RL)\s*$/gm, '$1TB')
}

/** The width to show a diagram at in `room` px: `undefined` when it fits (scaled down to at most MIN_SCALE), else its width at MIN_SCALE, to scroll. */
export function scrollWidth(natural: number, room: number): number | undefined {
  return natural * MIN_SCALE <= room ? undefined : Math.round(natural * MIN_SCALE)
}
