/**
 * "Did you mean …?" for a mistyped id, bank or component name. Pure.
 */

/** Edit distance (insertions, deletions, substitutions and swaps of neighbours). */
export function distance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array.from({ length: b.length }, () => 0)])
  for (let j = 1; j <= b.length; j++)
    d[0][j] = j
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost)
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1)
    }
  }
  return d[a.length][b.length]
}

/** The candidate closest to `word`, if it is close enough to be a likely typo. */
export function closest(word: string, candidates: Iterable<string>): string | undefined {
  const limit = Math.max(2, Math.floor(word.length / 4))
  let best: string | undefined
  let bestD = Infinity
  for (const c of candidates) {
    const dd = distance(word.toLowerCase(), c.toLowerCase())
    if (dd < bestD) {
      best = c
      bestD = dd
    }
  }
  return bestD <= limit ? best : undefined
}

/** ` (did you mean `x`?)`, or nothing. */
export function didYouMean(word: string, candidates: Iterable<string>, wrap: (s: string) => string = s => `\`${s}\``): string {
  const c = closest(word, candidates)
  return c === undefined || c === word ? '' : `; did you mean ${wrap(c)}?`
}
