import { describe, expect, it } from 'vitest'
import { neighboursToPrefetch } from '../../lib/prefetch.ts'

const deck = (lazy: number[], total = 6) =>
  Array.from({ length: total }, (_, i) => ({ no: i + 1, meta: lazy.includes(i + 1) ? { preload: false } : {} }))

describe('neighboursToPrefetch', () => {
  it('names the lazy slides either side of the current one, next first', () => {
    expect(neighboursToPrefetch(deck([2, 4]), 3).map(r => r.no)).toEqual([4, 2])
  })
  it('leaves slides Slidev preloads itself, and the current slide, alone', () => {
    expect(neighboursToPrefetch(deck([3]), 3)).toEqual([])
    expect(neighboursToPrefetch(deck([]), 3)).toEqual([])
  })
  it('stops at either end of the deck', () => {
    expect(neighboursToPrefetch(deck([2]), 1).map(r => r.no)).toEqual([2])
    expect(neighboursToPrefetch(deck([5]), 6).map(r => r.no)).toEqual([5])
  })
  it('skips slides already fetched', () => {
    expect(neighboursToPrefetch(deck([2, 4]), 3, new Set([4])).map(r => r.no)).toEqual([2])
  })
})

describe('usePrefetchNeighbours', async () => {
  const { nextTick, ref } = await import('vue')
  const { usePrefetchNeighbours } = await import('../../composables/usePrefetchNeighbours.ts')
  const settle = () => new Promise(r => setTimeout(r, 30))

  function setup(lazy: number[], disabled = false) {
    const loaded: number[] = []
    const routes = deck(lazy).map(r => ({ ...r, load: async () => { loaded.push(r.no) } }))
    const current = ref(1)
    // Node has no animation frames: stand in with a timer.
    globalThis.requestAnimationFrame ??= ((cb: FrameRequestCallback) => setTimeout(() => cb(0), 0) as unknown as number)
    globalThis.cancelAnimationFrame ??= ((id: number) => clearTimeout(id))
    usePrefetchNeighbours({ current, routes, disabled })
    return { loaded, current }
  }

  it('fetches each lazy neighbour once, after the slide is shown', async () => {
    const { loaded, current } = setup([3, 5])
    expect(loaded).toEqual([])
    await settle()
    expect(loaded).toEqual([])
    current.value = 2
    await nextTick()
    expect(loaded).toEqual([])
    await settle()
    expect(loaded).toEqual([3])
    current.value = 4
    await nextTick()
    await settle()
    expect(loaded).toEqual([3, 5])
  })

  it('does nothing while printing', async () => {
    const { loaded, current } = setup([2, 3], true)
    current.value = 2
    await nextTick()
    await settle()
    expect(loaded).toEqual([])
  })
})
