import type { MaybeRefOrGetter } from 'vue'
import type { PrefetchableRoute } from '../lib/prefetch.ts'
import { toValue, watch } from 'vue'
import { neighboursToPrefetch } from '../lib/prefetch.ts'

/** A slide route whose code can be fetched (Slidev's `SlideRoute` is one). */
export interface LoadableRoute extends PrefetchableRoute {
  load: () => Promise<unknown>
}

/**
 * Fetches the code of the next and previous slides when they are generated
 * slides (quiz, answer key, sources, glossary), once the current slide has
 * been painted, so that stepping onto one renders it in the same task.
 *
 * The kit marks those slides `preload: false` (setup/preparser.ts): Slidev
 * then mounts each only while it is on screen, so the DOM stays as small as
 * a plain deck's and a school PC is not asked to build a hundred quiz forms
 * three seconds after start. Without this, arriving on one also waited for
 * its code to load.
 *
 * Takes Slidev's navigation state as arguments (see global-bottom.vue), so
 * it can be tested without Slidev.
 */
export function usePrefetchNeighbours(nav: {
  /** Number of the slide on screen, from 1. */
  current: MaybeRefOrGetter<number>
  /** Every slide route, in order. */
  routes: MaybeRefOrGetter<readonly LoadableRoute[]>
  /** True while printing or exporting, where Slidev renders every slide anyway. Default: false. */
  disabled?: MaybeRefOrGetter<boolean>
}): void {
  const done = new Set<number>()
  let frame = 0
  watch(() => toValue(nav.current), (no) => {
    if (toValue(nav.disabled) || typeof requestAnimationFrame === 'undefined')
      return
    cancelAnimationFrame(frame)
    // After the frame that paints the current slide, so arriving is never slower.
    frame = requestAnimationFrame(() => setTimeout(() => {
      for (const route of neighboursToPrefetch(toValue(nav.routes), no, done)) {
        done.add(route.no)
        route.load().catch(() => done.delete(route.no))
      }
    }, 0))
  }, { immediate: true })
}
