import type Redis from "ioredis"
import type { Logger } from "@medusajs/framework/types"
import { RateLimiterAbstract, RateLimiterMemory, RateLimiterRedis, RateLimiterRes } from "rate-limiter-flexible"
import type { RateLimitLayer, RateLimitOptions } from "../plugin-options"

/** Every layer, plus the share of a publishable key's quota one IP may take. */
export type LimitedLayer = RateLimitLayer | "ipShareOfKey"

export type LimitVerdict = { allowed: true } | { allowed: false; layer: LimitedLayer; retryAfterSeconds: number }

const ALLOWED: LimitVerdict = { allowed: true }
/** Quotas many callers draw on: charged for a request another layer refuses, then given back. */
const SHARED_LAYERS = new Set<LimitedLayer>(["publishableKey", "purchaseIp"])

export const isSharedQuota = (layer: LimitedLayer) => SHARED_LAYERS.has(layer)
const MAX_KEY_LENGTH = 300

const WHOSE: Record<LimitedLayer, string> = {
  viewer: "this viewer",
  ip: "this network address",
  ipEvents: "events from this network address",
  publishableKey: "this publishable key",
  ipShareOfKey: "this network address's share of the publishable key",
  customer: "this customer",
  purchaseIp: "purchases from this network address",
  socketIp: "connections from this network address",
  socketCustomer: "connections of this customer",
}

/** What a refusal says: whose limit, and when to retry. */
export function rateLimitMessage(refusal: Extract<LimitVerdict, { allowed: false }>): string {
  return `Too many requests for ${WHOSE[refusal.layer]}: retry in ${refusal.retryAfterSeconds} s`
}

/**
 * The plugin's fixed-window counters (rate-limiter-flexible): in Redis when the app has one, so every
 * server counts together, with a per-process memory limiter as insurance while Redis is unreachable
 * (fail-open to per-process limits, never to no limit); in memory only otherwise.
 */
export class RateLimits {
  protected readonly limiters_ = new Map<LimitedLayer, RateLimiterAbstract>()

  constructor(
    protected readonly options_: RateLimitOptions,
    protected readonly redis_: Redis | null,
    protected readonly logger_?: Logger
  ) {}

  get options(): RateLimitOptions {
    return this.options_
  }

  /** Takes `points` from `key`'s budget in `layer`; a refusal says when to retry. */
  async consume(layer: LimitedLayer, key: string, points = 1): Promise<LimitVerdict> {
    if (!this.options_.enabled || points <= 0) {
      return ALLOWED
    }
    try {
      await this.limiter_(layer).consume(key.slice(0, MAX_KEY_LENGTH), points)
      return ALLOWED
    } catch (rejection) {
      if (rejection instanceof RateLimiterRes) {
        return { allowed: false, layer, retryAfterSeconds: Math.max(1, Math.ceil(rejection.msBeforeNext / 1000)) }
      }
      // Neither Redis nor the insurance limiter answered: a limiter must not take the route down.
      this.logger_?.warn(`rate limits: ${layer} not counted: ${(rejection as Error)?.message ?? rejection}`)
      return ALLOWED
    }
  }

  /** Whether `key`'s budget in `layer` is already spent, without taking from it. */
  async spent(layer: LimitedLayer, key: string): Promise<LimitVerdict> {
    if (!this.options_.enabled) {
      return ALLOWED
    }
    const limiter = this.limiter_(layer)
    const limitedKey = key.slice(0, MAX_KEY_LENGTH)
    try {
      if (this.redis_?.status === "ready") {
        // A plain GET rides in the same auto-pipelined write as the request's other counters
        // (the library's `get` is a MULTI of its own); the retry time is read only when spent.
        const used = Number(await this.redis_.get(limiter.getKey(limitedKey)))
        if (used < this.limitOf_(layer).points) {
          return ALLOWED
        }
      }
      const state = await limiter.get(limitedKey)
      if (!state || state.remainingPoints > 0) {
        return ALLOWED
      }
      return { allowed: false, layer, retryAfterSeconds: Math.max(1, Math.ceil(state.msBeforeNext / 1000)) }
    } catch (error) {
      this.logger_?.warn(`rate limits: ${layer} not read: ${(error as Error)?.message ?? error}`)
      return ALLOWED
    }
  }

  /**
   * Whether this process already knows `key` is spent in `layer`, without asking Redis: a key that
   * reached its limit here is blocked in memory until its window ends (`inMemoryBlockOnConsumed`).
   * Without Redis (or while it is down) the memory counters are the counts, so they answer.
   */
  async blockedHere(layer: LimitedLayer, key: string): Promise<LimitVerdict> {
    if (!this.options_.enabled) {
      return ALLOWED
    }
    const limiter = this.limiter_(layer)
    if (this.redis_?.status === "ready" && limiter instanceof RateLimiterRedis) {
      // Public in the library's JS, missing from its typings.
      const blocked = limiter as RateLimiterRedis & { getInMemoryBlockMsBeforeExpire(rlKey: string): number }
      const ms = blocked.getInMemoryBlockMsBeforeExpire(limiter.getKey(key.slice(0, MAX_KEY_LENGTH)))
      return ms > 0 ? { allowed: false, layer, retryAfterSeconds: Math.max(1, Math.ceil(ms / 1000)) } : ALLOWED
    }
    return this.spent(layer, key)
  }

  /** Gives back `points` taken from `key`'s budget in `layer` (a shared quota charged for a refused request). */
  async refund(layer: LimitedLayer, key: string, points: number): Promise<void> {
    if (!this.options_.enabled || points <= 0) {
      return
    }
    await this.limiter_(layer)
      .reward(key.slice(0, MAX_KEY_LENGTH), points)
      .catch((error: Error) => this.logger_?.warn(`rate limits: ${layer} not refunded: ${error?.message ?? error}`))
  }

  protected limiter_(layer: LimitedLayer): RateLimiterAbstract {
    let limiter = this.limiters_.get(layer)
    if (!limiter) {
      limiter = this.build_(layer)
      this.limiters_.set(layer, limiter)
    }
    return limiter
  }

  protected build_(layer: LimitedLayer): RateLimiterAbstract {
    const { points, duration } = this.limitOf_(layer)
    const keyPrefix = `${this.options_.keyPrefix}:${layer}`
    const memory = new RateLimiterMemory({ keyPrefix, points, duration })
    if (!this.redis_) {
      return memory
    }
    return new RateLimiterRedis({
      storeClient: this.redis_,
      keyPrefix,
      points,
      duration,
      rejectIfRedisNotReady: true,
      insuranceLimiter: memory,
      // A caller's key over its limit is refused from memory until its window ends: a flood costs no
      // Redis calls. Not a shared quota: a refused request's charge on it is given back (`refund`), and
      // a memory block would outlive the refund.
      inMemoryBlockOnConsumed: isSharedQuota(layer) ? 0 : points,
    })
  }

  protected limitOf_(layer: LimitedLayer): { points: number; duration: number } {
    if (layer === "ipShareOfKey") {
      const quota = this.options_.publishableKey
      return { points: Math.max(1, Math.floor(quota.points * this.options_.ipShareOfKey)), duration: quota.duration }
    }
    return this.options_[layer]
  }
}
