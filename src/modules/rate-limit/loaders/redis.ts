import { asValue } from "@medusajs/framework/awilix"
import type { LoaderOptions } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { injectedPluginOptions } from "../../../lib/module-loaders/plugin-options"
import { pluginRedisUrl } from "../../../lib/plugin-redis"
import { createCounterRedis } from "../../../lib/rate-limit/redis-client"

export const RATE_LIMIT_REDIS_KEY = "rateLimitRedis"

/** Registers the counters' Redis client (null without Redis), unconnected until the service starts it. */
export default async function rateLimitRedisLoader({ container, logger }: LoaderOptions) {
  const url = pluginRedisUrl(injectedPluginOptions(container.cradle), container.resolve(ContainerRegistrationKeys.CONFIG_MODULE))
  container.register(RATE_LIMIT_REDIS_KEY, asValue(url ? createCounterRedis(url, logger, "rate limits") : null))
}
