import { slideAspect, slideWidth, useIsSlideActive, useNav, useSlideContext } from '@slidev/client'
import { useWindowSize } from '@vueuse/core'
import { computed } from 'vue'
import { wantsSheet } from '../lib/viewport.ts'

/**
 * Whether this slide's quiz (or results) should leave the scaled slide for a
 * sheet at the device's own size: on a phone, or any window where the slide
 * would render its text under about 13 px. Only for the slide on screen in
 * the audience view; never in print, overview or the presenter.
 */
export function useQuizSheet() {
  const { isPrintMode, isPresenter } = useNav()
  const { $renderContext } = useSlideContext()
  const active = useIsSlideActive()
  const { width, height } = useWindowSize()
  return computed(() => !isPrintMode.value && !isPresenter.value && $renderContext?.value === 'slide' && active.value
    && wantsSheet(width.value, height.value, slideWidth.value, slideAspect.value))
}
