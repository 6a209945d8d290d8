import type { Logger } from "@medusajs/framework/types"
import Redis from "ioredis"

/**
 * A Redis connection for counters: commands fail at once while it is down (no offline queue), so
 * the limiters' in-memory insurance answers instead of a request waiting; each outage is logged once.
 * Auto-pipelining sends the counters a request checks together in one write.
 */
export function createCounterRedis(url: string, logger: Logger | undefined, label: string): Redis {
  const client = new Redis(url, { enableOfflineQueue: false, maxRetriesPerRequest: 1, enableAutoPipelining: true })
  let down = false
  client.on("error", (error: Error) => {
    if (!down) {
      down = true
      logger?.warn(`${label}: Redis unavailable (${error.message}); counting in this process's memory until it returns`)
    }
  })
  client.on("ready", () => {
    if (down) {
      down = false
      logger?.info(`${label}: Redis is back; counting in Redis again`)
    }
  })
  return client
}
