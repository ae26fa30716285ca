/**
 * Limits per network address, kept in memory only (never written): a token
 * bucket per address for requests, and a cap on how many devices one
 * address may answer a question with. On a classroom LAN every phone has
 * its own address, so one student cannot flood the server or stuff the
 * tally from one phone by inventing device ids.
 *
 * Pure and clock-injected, so the tests drive time.
 */

export interface BucketOptions {
  /** Requests allowed at once (the bucket's size). */
  burst: number
  /** Requests per second refilled. */
  perSecond: number
  /** Addresses remembered at most; the longest idle are forgotten first. */
  maxAddresses?: number
}

export type Take = { ok: true } | { ok: false, retryAfterSec: number }

/** A token bucket per key (an address). */
export class RateLimiter {
  private readonly buckets = new Map<string, { tokens: number, at: number }>()
  private readonly max: number

  constructor(readonly opts: BucketOptions) {
    this.max = opts.maxAddresses ?? 10_000
  }

  /** Take one token for `key` at time `now` (ms). */
  take(key: string, now = Date.now()): Take {
    const { burst, perSecond } = this.opts
    let b = this.buckets.get(key)
    if (b) {
      b.tokens = Math.min(burst, b.tokens + (now - b.at) / 1000 * perSecond)
      b.at = now
      // Keep the map in least-recently-used order.
      this.buckets.delete(key)
    }
    else {
      b = { tokens: burst, at: now }
      if (this.buckets.size >= this.max)
        this.buckets.delete(this.buckets.keys().next().value!)
    }
    this.buckets.set(key, b)
    if (b.tokens >= 1) {
      b.tokens -= 1
      return { ok: true }
    }
    return { ok: false, retryAfterSec: Math.max(1, Math.ceil((1 - b.tokens) / perSecond)) }
  }

  /** Forget buckets that are full again (idle long enough), to bound memory. */
  prune(now = Date.now()): void {
    const full = this.opts.burst / this.opts.perSecond * 1000
    for (const [k, b] of this.buckets) {
      if (now - b.at >= full)
        this.buckets.delete(k)
    }
  }

  get size(): number {
    return this.buckets.size
  }
}

/**
 * At most `max` distinct devices per address per question. A device already
 * admitted is always admitted again (it is replacing its answer).
 */
export class DeviceCap {
  private readonly seen = new Map<string, Map<string, Set<string>>>()

  constructor(readonly max: number) {}

  admit(question: string, address: string, deviceKey: string): boolean {
    let byAddress = this.seen.get(question)
    if (!byAddress) {
      byAddress = new Map()
      this.seen.set(question, byAddress)
    }
    let keys = byAddress.get(address)
    if (!keys) {
      keys = new Set()
      byAddress.set(address, keys)
    }
    if (keys.has(deviceKey))
      return true
    if (keys.size >= this.max)
      return false
    keys.add(deviceKey)
    return true
  }

  /** Forget a question (its answers were reset). */
  forget(question: string): void {
    this.seen.delete(question)
  }
}

/** The client address of a socket, without the IPv4-mapped IPv6 prefix (`::ffff:10.0.0.5` → `10.0.0.5`). */
export function clientAddress(remote: string | undefined): string {
  if (!remote)
    return 'unknown'
  return remote.startsWith('::ffff:') ? remote.slice(7) : remote
}
