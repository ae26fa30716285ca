import { configs, sharedState, useNav } from '@slidev/client'
import { computed, effectScope, ref, watch } from 'vue'
import { presenterDriving } from '../lib/class-mode.ts'

const openedAt = Date.now()
/** Latched: once a presenter has driven this window, it stays in class mode until it is closed. */
const driven = ref(false)
let watching = false

/**
 * `true` in class: the lecture deck (`deck: lecture` in its headmatter), the
 * presenter window, or a window a presenter has driven (the audience window
 * on the projector). `false` for a learner studying alone. In class, a quiz registers the click that reveals
 * its answer and the self-study progress badge is hidden; alone, → moves
 * straight on and nothing is revealed unasked. See lib/class-mode.ts.
 *
 * Slidev's shared `lastUpdate` says who moved last, and an audience window
 * overwrites it with its own `viewer` update as soon as it follows, so the
 * presenter's update is caught the moment it arrives (a synchronous watch)
 * and remembered.
 */
export function useClassMode() {
  const { isPresenter } = useNav()
  if (!watching) {
    watching = true
    // Detached, so it outlives the slide that first asked (generated slides unmount).
    effectScope(true).run(() => watch(() => sharedState.lastUpdate, (u) => {
      if (presenterDriving(u, openedAt))
        driven.value = true
    }, { immediate: true, flush: 'sync', deep: true }))
  }
  const lecture = (configs as { deck?: string }).deck === 'lecture'
  return computed(() => lecture || isPresenter.value || driven.value)
}

/** For tests: forget that a presenter drove this window. */
export function resetClassModeForTests() {
  driven.value = false
}
