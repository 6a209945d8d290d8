import type { EntityManager } from "@medusajs/framework/mikro-orm/knex"
import type Redis from "ioredis"
import { MemoryCapCounters } from "../lib/memory-cap-counters"
import { capKey, HOUR_MS } from "../lib/windows"
import { CAP_COUNTS_SQL, REDIS_INCR_WITH_TTL } from "../sql"
import type { CapIncrement, CapWindow, CountedCap } from "../types"
import type { AdRedisConnection } from "./ad-redis-connection"

type InjectedDependencies = { adRedisConnection: AdRedisConnection }

/**
 * Frequency caps per viewer: counters in Redis when the module has one (in this process's memory
 * while it is unavailable), else counted from the stored impressions in Postgres.
 */
export class AdFrequencyCaps {
  protected readonly redis_: AdRedisConnection
  protected readonly memory_ = new MemoryCapCounters()

  constructor({ adRedisConnection }: InjectedDependencies) {
    this.redis_ = adRedisConnection
  }

  /** Whether counters live in Redis (else Postgres counts the impressions). */
  get countsInRedis(): boolean {
    return this.redis_.client() !== null
  }

  get memorySize(): number {
    return this.memory_.size
  }

  /** Usage per ad from Redis, never below what this process counted during an outage (it holds for the rest of the window). */
  async countInRedis(viewerKey: string, windows: CapWindow[], now: Date): Promise<Record<string, number>> {
    const keys = windows.map((w) => capKey(w.ad_id, viewerKey, w.frequency_window_hours, now).key)
    const inMemory = keys.map((key) => this.memory_.get(key))
    const inRedis = await this.readRedisCounts(keys)
    return Object.fromEntries(windows.map((w, i) => [w.ad_id, Math.max(inMemory[i], inRedis?.[i] ?? 0)]))
  }

  /** Valid impressions per ad since each ad's own window start; one grouped count for all windows. */
  async countInPostgres(
    manager: EntityManager,
    viewerKey: string,
    windows: CapWindow[],
    now: Date
  ): Promise<Record<string, number>> {
    const input = windows.map((w) => ({
      ad_id: w.ad_id,
      since: new Date(now.getTime() - w.frequency_window_hours * HOUR_MS).toISOString(),
    }))
    const rows: { ad_id: string; count: number }[] = await manager.execute(CAP_COUNTS_SQL, [JSON.stringify(input), viewerKey])
    return Object.fromEntries(rows.map((row) => [row.ad_id, Number(row.count)]))
  }

  /** Counts impressions in Redis, in memory while it is unavailable; answers what was counted where. */
  async increment(increments: CapIncrement[], now: Date): Promise<CountedCap[]> {
    const redis = this.redis_.client()
    if (!redis || !increments.length) {
      return []
    }
    const counted: CountedCap[] = []
    for (const inc of increments) {
      const { key, ttlMs } = capKey(inc.ad_id, inc.viewer_key, inc.frequency_window_hours, now)
      if (await this.incrementInRedis(redis, key, ttlMs)) {
        counted.push({ key, in: "redis" })
      } else {
        this.memory_.increment(key, ttlMs)
        counted.push({ key, in: "memory" })
      }
    }
    return counted
  }

  async decrement(counted: CountedCap[]): Promise<void> {
    const inRedis = counted.filter((c) => c.in === "redis").map((c) => c.key)
    counted.filter((c) => c.in === "memory").forEach((c) => this.memory_.decrement(c.key))
    const redis = this.redis_.client()
    if (!redis || !inRedis.length) {
      return
    }
    const pipeline = redis.multi()
    inRedis.forEach((key) => pipeline.decr(key))
    // A counter Redis lost with its outage has nothing to undo; it expires with its window.
    await pipeline.exec().catch((error: Error) => this.redis_.outage.failed(error))
  }

  /**
   * Counters in Redis, or null while it is unavailable: caps then hold per process only
   * (fail-open). Postgres is not the fallback: an outage under load would move a count
   * query onto every ad answer.
   */
  protected async readRedisCounts(keys: string[]): Promise<number[] | null> {
    const redis = this.redis_.client()!
    if (this.redis_.outage.isDown && redis.status !== "ready") {
      return null
    }
    try {
      const values = await redis.mget(...keys)
      return values.map((value) => Number(value ?? 0))
    } catch (error) {
      this.redis_.outage.failed(error as Error)
      return null
    }
  }

  protected async incrementInRedis(redis: Redis, key: string, ttlMs: number): Promise<boolean> {
    if (this.redis_.outage.isDown && redis.status !== "ready") {
      return false
    }
    try {
      await redis.eval(REDIS_INCR_WITH_TTL, 1, key, String(ttlMs))
      return true
    } catch (error) {
      this.redis_.outage.failed(error as Error)
      return false
    }
  }
}
