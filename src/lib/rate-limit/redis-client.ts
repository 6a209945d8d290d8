import type { Logger } from "@medusajs/framework/types"
import type Redis from "ioredis"
import { lazyRedis } from "../plugin-redis"
import { FAIL_FAST_REDIS_OPTIONS, RedisOutage } from "../redis-outage"

/**
 * A Redis connection for counters: commands fail at once while it is down, so the limiters'
 * in-memory insurance answers instead of a request waiting; each outage is logged once.
 * Auto-pipelining sends the counters a request checks together in one write.
 * Unconnected until `connectRedis` (module loaders build it; the service that counts starts it).
 */
export function createCounterRedis(url: string, logger: Logger | undefined, label: string): Redis {
  const outage = new RedisOutage(logger, label, "counting in this process's memory")
  return outage.watch(lazyRedis(url, { ...FAIL_FAST_REDIS_OPTIONS, enableAutoPipelining: true }))
}
