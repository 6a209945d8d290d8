import { asValue } from "@medusajs/framework/awilix"
import type { LoaderOptions } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { injectedPluginOptions } from "../../../lib/module-loaders/plugin-options"
import { lazyRedis, pluginRedisUrl } from "../../../lib/plugin-redis"
import { FAIL_FAST_REDIS_OPTIONS, RedisOutage, SUBSCRIBER_REDIS_OPTIONS } from "../../../lib/redis-outage"

/**
 * Registers the ad module's Redis clients, unconnected (null without Redis): `adRedis` counts caps
 * and publishes ad changes, `adRedisSubscriber` listens for other processes' changes. The
 * `AdRedisConnection` service connects them at start and closes them at shutdown.
 */
export default async function adRedisLoader({ container, logger }: LoaderOptions) {
  const url = pluginRedisUrl(injectedPluginOptions(container.cradle), container.resolve(ContainerRegistrationKeys.CONFIG_MODULE))
  const outage = new RedisOutage(logger, "ad module", "frequency caps count in this process's memory")
  const subscriber = url ? lazyRedis(url, { ...FAIL_FAST_REDIS_OPTIONS, ...SUBSCRIBER_REDIS_OPTIONS }) : null
  // Its errors are the outage the command client reports; ioredis resubscribes after a reconnect.
  subscriber?.on("error", () => undefined)
  container.register({
    adRedisOutage: asValue(outage),
    adRedis: asValue(url ? outage.watch(lazyRedis(url, FAIL_FAST_REDIS_OPTIONS)) : null),
    adRedisSubscriber: asValue(subscriber),
  })
}
