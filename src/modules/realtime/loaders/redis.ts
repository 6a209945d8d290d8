import { asValue } from "@medusajs/framework/awilix"
import type { LoaderOptions } from "@medusajs/framework/types"
import type Redis from "ioredis"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { injectedPluginOptions } from "../../../lib/module-loaders/plugin-options"
import { lazyRedis, pluginRedisUrl } from "../../../lib/plugin-redis"
import { createCounterRedis } from "../../../lib/rate-limit/redis-client"
import {
  FAIL_FAST_REDIS_OPTIONS,
  publishNeverRejects,
  RedisOutage,
  SUBSCRIBER_REDIS_OPTIONS,
} from "../../../lib/redis-outage"

/** The realtime module's Redis clients; every one null without Redis. */
export type RealtimeRedis = {
  /** Publishes pushes from a process without a socket server (a worker). */
  emitter: Redis | null
  /** The Socket.io adapter's publisher and subscriber: pushes cross server processes. */
  adapterPub: Redis | null
  adapterSub: Redis | null
  /** Socket connection-limit counters. */
  counters: Redis | null
}

/**
 * Registers `realtimeRedis`, unconnected: each client connects where the service first uses it
 * (the emitter in a worker, the adapter and counters when Socket.io attaches) and closes at shutdown.
 */
export default async function realtimeRedisLoader({ container, logger }: LoaderOptions) {
  const url = pluginRedisUrl(injectedPluginOptions(container.cradle), container.resolve(ContainerRegistrationKeys.CONFIG_MODULE))
  const clients: RealtimeRedis = { emitter: null, adapterPub: null, adapterSub: null, counters: null }
  if (url) {
    const outage = new RedisOutage(logger, "[realtime]", "pushes reach only the sockets of the process that sends them")
    // While Redis is down the adapter still delivers to this process's sockets; ioredis
    // reconnects the clients and resubscribes, and cross-process pushes resume.
    clients.emitter = publishNeverRejects(outage.watch(lazyRedis(url, FAIL_FAST_REDIS_OPTIONS)), outage)
    clients.adapterPub = publishNeverRejects(outage.watch(lazyRedis(url, FAIL_FAST_REDIS_OPTIONS)), outage)
    clients.adapterSub = lazyRedis(url, SUBSCRIBER_REDIS_OPTIONS)
    clients.adapterSub.on("error", () => undefined)
    clients.counters = createCounterRedis(url, logger, "[realtime] connection limits")
  }
  container.register("realtimeRedis", asValue(clients))
}
