/**
 * Self-study or class? The deck decides from what Slidev already shares
 * between windows: a presenter window writes `lastUpdate` with
 * `type: 'presenter'` whenever it moves (through a BroadcastChannel in the
 * static build, through the dev server otherwise). Pure, so tested directly.
 */

/** Slidev's shared `lastUpdate` record. */
export interface LastUpdate {
  id: string
  type: 'presenter' | 'viewer'
  time: number
}

/**
 * A presenter update older than this, found when the window opened, is
 * stale (the dev server keeps its state across reloads): it does not put a
 * new window in class mode.
 */
export const STALE_PRESENTER_MS = 15 * 60_000

/**
 * Whether a presenter drives this window: it has seen a presenter update
 * that is no older than `STALE_PRESENTER_MS` before the window opened.
 */
export function presenterDriving(last: LastUpdate | undefined, openedAt: number): boolean {
  return !!last && last.type === 'presenter' && last.time >= openedAt - STALE_PRESENTER_MS
}
