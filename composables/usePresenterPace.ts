/**
 * The presenter's pace: the current part of the deck (a module, the final
 * review …), its minutes from the speaker notes, and the time spent on it
 * so far: "Module 3 · 9 of 19 min".
 *
 * Time counts while the presenter's timer runs (Slidev's clock in the
 * presenter view: start it with its play button) and stops while it is
 * paused; resetting the timer resets every part's count. Counts are kept in
 * sessionStorage, so reloading the presenter window keeps them.
 *
 * Slidev's state comes in as arguments (components/PresenterPace.vue passes
 * `useNav().currentSlideNo` and `sharedState.timer.status`), so this is
 * tested without Slidev.
 */
import type { MaybeRefOrGetter } from 'vue'
import type { Pace } from '../lib/plan.ts'
import { useIntervalFn, useSessionStorage } from '@vueuse/core'
import { computed, toValue, watch } from 'vue'
import { paceText } from '../lib/plan.ts'

/** How often the count moves on, in milliseconds. */
export const PACE_TICK = 1000

export interface PaceOptions {
  /** The deck's parts and their minutes (`pace` from `virtual:kit-plan`). */
  pace: Pace
  /** The slide on screen, from 1. */
  slide: MaybeRefOrGetter<number>
  /** Slidev's timer: `stopped`, `running` or `paused`. */
  timer: MaybeRefOrGetter<string | undefined>
  /** Where the counts are kept; one key per deck. */
  storageKey: string
}

export function usePresenterPace({ pace, slide, timer, storageKey }: PaceOptions) {
  const spent = useSessionStorage<Record<string, number>>(storageKey, {})
  const part = computed(() => pace.sections[pace.slideSection[toValue(slide) - 1] ?? -1])
  const status = computed(() => toValue(timer) ?? 'stopped')
  const running = computed(() => status.value === 'running')

  let last = Date.now()
  useIntervalFn(() => {
    const now = Date.now()
    const p = part.value
    if (running.value && p)
      spent.value = { ...spent.value, [p.key]: (spent.value[p.key] ?? 0) + (now - last) }
    last = now
  }, PACE_TICK)

  // The timer's reset button starts the count afresh, as for a new session.
  watch(status, (now, before) => {
    if (now === 'stopped' && before !== 'stopped')
      spent.value = {}
    last = Date.now()
  })

  const spentMs = computed(() => (part.value ? spent.value[part.value.key] ?? 0 : 0))
  return {
    part,
    running,
    spentMs,
    text: computed(() => (part.value ? paceText(part.value.label, spentMs.value, part.value.minutes) : '')),
    /** The time spent has passed the plan by a whole minute. */
    over: computed(() => !!part.value && Math.floor(spentMs.value / 60_000) > part.value.minutes),
  }
}
