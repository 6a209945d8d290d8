import { LRUCache } from "lru-cache"
import type { AdDTO } from "../types"

/** How long the eligible ads of one event and placement are served from memory. */
export const ELIGIBLE_CACHE_TTL_MS = 10_000
/**
 * Most (event, placement) entries served from memory. Only events that have ads get entries
 * (see `knownProducts`), so this bounds what admins created, not what callers ask for.
 */
export const ELIGIBLE_CACHE_MAX = 5_000

/** Where the cache reads on a miss (the module's own generated list methods). */
export type AdCandidateSource = {
  activeEventIds(): Promise<string[]>
  activeAdsOf(productId: string): Promise<AdDTO[]>
}

/** The candidate ads of each (event, placement), held in memory for `ELIGIBLE_CACHE_TTL_MS`. */
export class AdServingCache {
  protected readonly eligible_ = new LRUCache<string, AdDTO[]>({ max: ELIGIBLE_CACHE_MAX, ttl: ELIGIBLE_CACHE_TTL_MS })
  /** Events with at least one active ad; the gate that keeps unknown event ids out of the cache and the database. */
  protected knownProducts_: { ids: Set<string>; expiresAt: number } | null = null
  protected knownProductsLoad_: Promise<Set<string>> | null = null
  /** Bumped on every invalidation: a read that raced one is not cached. */
  protected generation_ = 0

  /** Active, unarchived ads of an event for a placement; schedule and session are checked per request. */
  async candidates(productId: string, placement: string, source: AdCandidateSource): Promise<AdDTO[]> {
    if (!(await this.knownProducts(source)).has(productId)) {
      return []
    }
    const cacheKey = `${productId}\u0000${placement}`
    const cached = this.eligible_.get(cacheKey)
    if (cached) {
      return cached
    }
    const generation = this.generation_
    const forPlacement = (await source.activeAdsOf(productId))
      .filter((ad) => (ad.placements ?? []).includes(placement as AdDTO["placements"][number]))
      .map((ad) => ({ ...ad, weight: Number(ad.weight), rate: Number(ad.rate) }))
    if (generation === this.generation_) {
      this.eligible_.set(cacheKey, forPlacement)
    }
    return forPlacement
  }

  clear(): void {
    this.generation_++
    this.eligible_.clear()
    this.knownProducts_ = null
    this.knownProductsLoad_ = null
  }

  sizes(): { eligible: number; known_events: number } {
    return { eligible: this.eligible_.size, known_events: this.knownProducts_?.ids.size ?? 0 }
  }

  /**
   * Ids of events with an active ad, reloaded every TTL and on ad changes (one query for all
   * callers). Callers choose `event_id` freely; checking it here costs no query and no entry,
   * where a negative cache would have to hold what they send.
   */
  protected async knownProducts(source: AdCandidateSource): Promise<Set<string>> {
    if (this.knownProducts_ && this.knownProducts_.expiresAt > Date.now()) {
      return this.knownProducts_.ids
    }
    if (!this.knownProductsLoad_) {
      const generation = this.generation_
      const load = source
        .activeEventIds()
        .then((productIds) => {
          const ids = new Set(productIds)
          if (generation === this.generation_) {
            this.knownProducts_ = { ids, expiresAt: Date.now() + ELIGIBLE_CACHE_TTL_MS }
          }
          return ids
        })
        .finally(() => {
          if (this.knownProductsLoad_ === load) {
            this.knownProductsLoad_ = null
          }
        })
      this.knownProductsLoad_ = load
    }
    return this.knownProductsLoad_
  }
}
