import { LRUCache } from "lru-cache"

/** Cap counters one process keeps while Redis is down; beyond this the least recently used are dropped (fail-open). */
export const MEMORY_CAP_COUNTERS_MAX = 100_000

/**
 * Frequency-cap counters of this process, used while the plugin's Redis is unavailable:
 * each key expires with its cap window, and the count is bounded, so an outage under load
 * cannot grow memory. Losing a counter only lets a viewer see an ad again (fail-open).
 */
export class MemoryCapCounters {
  protected readonly counts_ = new LRUCache<string, number>({ max: MEMORY_CAP_COUNTERS_MAX })

  get(key: string): number {
    return this.counts_.get(key) ?? 0
  }

  increment(key: string, ttlMs: number): void {
    const remaining = this.counts_.getRemainingTTL(key)
    const ttl = remaining > 0 && Number.isFinite(remaining) ? remaining : ttlMs
    this.counts_.set(key, this.get(key) + 1, { ttl })
  }

  decrement(key: string): void {
    const count = this.get(key)
    if (count > 1) {
      this.counts_.set(key, count - 1, { ttl: this.counts_.getRemainingTTL(key) })
    } else {
      this.counts_.delete(key)
    }
  }

  get size(): number {
    return this.counts_.size
  }
}
