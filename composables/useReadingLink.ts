import type { Ref } from 'vue'
import { useSlideContext } from '@slidev/client'
import { readingRanges } from 'virtual:kit-reading'
import { computed } from 'vue'
import { readingHref } from '../lib/reader/links.ts'

/**
 * The link from a slide to the place in the reading view that shows it
 * (`read/04-united-states.html#slide-52`), relative to the deck, or
 * `undefined` for a slide the reading view leaves out (the answer key).
 * Inside a slide it follows that slide; elsewhere pass the slide number.
 */
export function useReadingLink(no?: Ref<number>) {
  const page = no ?? useSlideContext().$page
  return computed(() => page?.value ? readingHref(readingRanges, page.value) : undefined)
}
