/**
 * Deterministic shuffles for presenting ordering items and matching
 * choices. The same question always shows the same order (so a printed
 * handout, the projector and a learner's screen agree), and an ordering
 * question never starts in its correct order.
 */

/** FNV-1a 32-bit hash of a string: a seed. */
function seedOf(s: string): number {
  let h = 0x811C9DC5
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i)
    h = Math.imul(h, 0x01000193) >>> 0
  }
  return h
}

/** Mulberry32: a small, well-mixed PRNG. */
function rng(seed: number): () => number {
  let a = seed
  return () => {
    a = (a + 0x6D2B79F5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/** A permutation of `0 … n − 1`, the same for the same `key`. */
export function seededPermutation(n: number, key: string): number[] {
  const out = Array.from({ length: n }, (_, i) => i)
  const r = rng(seedOf(key))
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(r() * (i + 1))
    ;[out[i], out[j]] = [out[j], out[i]]
  }
  return out
}

/**
 * Starting order for an ordering question whose items are written in the
 * correct order: seeded, and rotated by one when the shuffle would give the
 * answer away.
 */
export function startingOrder(n: number, key: string): number[] {
  const p = seededPermutation(n, key)
  const identity = p.every((v, i) => v === i)
  return identity && n > 1 ? [...p.slice(1), p[0]] : p
}
