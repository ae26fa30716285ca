/**
 * Which slides' code to fetch ahead of time, given the slide on screen.
 * Pure logic behind composables/usePrefetchNeighbours.ts.
 */

/** What this needs to know about a slide route (Slidev's `SlideRoute`). */
export interface PrefetchableRoute {
  no: number
  meta?: { preload?: boolean }
}

/**
 * The slides just after and just before slide `current` (1-based) that are
 * marked `preload: false`, next first, skipping any in `done`. Slidev
 * already fetches and mounts the neighbours of the current slide, but not
 * those: the kit marks its generated slides so, to keep them out of the
 * mount-everything wave three seconds after start.
 */
export function neighboursToPrefetch<R extends PrefetchableRoute>(routes: readonly R[], current: number, done: ReadonlySet<number> = new Set()): R[] {
  return [routes[current], routes[current - 2]].filter((r): r is R =>
    !!r && r.meta?.preload === false && !done.has(r.no))
}
