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
 *
 * The reading view is made by `npm run build` only, so under `npm run dev`
 * there is no link (it would lead nowhere); see it with `npm run build &&
 * npm run preview`.
 */
export function useReadingLink(no?: Ref<number>) {
  const page = no ?? useSlideContext().$page
  return computed(() => !import.meta.env.DEV && page?.value ? readingHref(readingRanges, page.value) : undefined)
}
