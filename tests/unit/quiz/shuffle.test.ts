import { describe, expect, it } from 'vitest'
import { seededPermutation, startingOrder } from '../../../lib/quiz/shuffle.ts'

describe('seeded shuffles', () => {
  it('is a permutation and repeatable for the same key', () => {
    const p = seededPermutation(7, 'q06-removals')
    expect([...p].sort()).toEqual([0, 1, 2, 3, 4, 5, 6])
    expect(seededPermutation(7, 'q06-removals')).toEqual(p)
  })

  it('differs between keys', () => {
    const keys = ['a', 'b', 'c', 'd', 'e'].map(k => seededPermutation(6, k).join())
    expect(new Set(keys).size).toBeGreaterThan(1)
  })

  it('never starts an ordering question in its correct order', () => {
    for (let n = 2; n <= 6; n++) {
      for (let k = 0; k < 200; k++) {
        const p = startingOrder(n, `key-${k}`)
        expect(p.every((v, i) => v === i), `n=${n} key-${k}`).toBe(false)
        expect([...p].sort()).toEqual(Array.from({ length: n }, (_, i) => i))
      }
    }
  })
})
