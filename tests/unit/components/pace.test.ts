// @vitest-environment happy-dom
import type { Pace } from '../../../lib/plan.ts'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { effectScope, nextTick, ref } from 'vue'
import { usePresenterPace } from '../../../composables/usePresenterPace.ts'

const pace: Pace = {
  sections: [
    { key: 'title', label: 'Title', title: 'Repatriation as Leverage', minutes: 1 },
    { key: 'module-3', label: 'Module 3', title: 'Module 3 · How repatriation works', minutes: 12 },
  ],
  slideSection: [0, 1, 1],
}
const MIN = 60_000

describe('usePresenterPace', () => {
  let scope = effectScope()
  beforeEach(() => {
    scope = effectScope()
    vi.useFakeTimers()
    sessionStorage.clear()
  })
  afterEach(() => {
    scope.stop()
    vi.useRealTimers()
  })

  it('counts a module\'s time while the presenter\'s timer runs, and only then', async () => {
    const slide = ref(2)
    const timer = ref('stopped')
    const p = scope.run(() => usePresenterPace({ pace, slide, timer, storageKey: 'k' }))!
    expect(p.text.value).toBe('Module 3 · 0 of 12 min')
    vi.advanceTimersByTime(5 * MIN)
    expect(p.text.value, 'a stopped timer counts nothing').toBe('Module 3 · 0 of 12 min')

    timer.value = 'running'
    await nextTick()
    vi.advanceTimersByTime(9 * MIN + 500)
    expect(p.text.value).toBe('Module 3 · 9 of 12 min')

    // Another slide of the same module keeps counting on the module …
    slide.value = 3
    await nextTick()
    vi.advanceTimersByTime(MIN)
    expect(p.text.value).toBe('Module 3 · 10 of 12 min')
    // … another part has its own count.
    slide.value = 1
    await nextTick()
    vi.advanceTimersByTime(2 * MIN)
    expect(p.text.value).toBe('Title · 2 of 1 min (1 over)')
    expect(p.over.value).toBe(true)

    timer.value = 'paused'
    await nextTick()
    vi.advanceTimersByTime(10 * MIN)
    expect(p.text.value, 'a paused timer counts nothing').toBe('Title · 2 of 1 min (1 over)')
    expect(p.running.value).toBe(false)
  })

  it('keeps the counts over a reload of the presenter window, and resets them with the timer', async () => {
    const timer = ref('running')
    const first = scope.run(() => usePresenterPace({ pace, slide: 2, timer, storageKey: 'deck' }))!
    vi.advanceTimersByTime(4 * MIN)
    expect(first.text.value).toBe('Module 3 · 4 of 12 min')
    await nextTick() // sessionStorage is written on the next tick
    const again = scope.run(() => usePresenterPace({ pace, slide: 2, timer, storageKey: 'deck' }))!
    expect(again.text.value).toBe('Module 3 · 4 of 12 min')

    timer.value = 'stopped'
    await nextTick()
    expect(again.text.value).toBe('Module 3 · 0 of 12 min')
    expect(again.over.value).toBe(false)
  })
})
