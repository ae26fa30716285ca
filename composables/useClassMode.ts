import { sharedState, useNav } from '@slidev/client'
import { computed } from 'vue'
import { presenterDriving } from '../lib/class-mode.ts'

const openedAt = Date.now()

/**
 * `true` in class: this is the presenter window, or a presenter window is
 * driving this one (the audience window on the projector). `false` for a
 * learner studying alone. In class, a quiz registers the click that reveals
 * its answer and the self-study progress badge is hidden; alone, → moves
 * straight on and nothing is revealed unasked. See lib/class-mode.ts.
 */
export function useClassMode() {
  const { isPresenter } = useNav()
  return computed(() => isPresenter.value || presenterDriving(sharedState.lastUpdate, openedAt))
}
