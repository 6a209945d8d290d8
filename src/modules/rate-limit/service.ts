import type Redis from "ioredis"
import type { ConfigModule, Logger } from "@medusajs/framework/types"
import { parsePluginOptions, RateLimitOptions } from "../../lib/plugin-options"
import { LimitedLayer, LimitVerdict, RateLimits } from "../../lib/rate-limit/rate-limits"
import { createCounterRedis } from "../../lib/rate-limit/redis-client"

type InjectedDependencies = { logger: Logger; configModule: ConfigModule }

/**
 * The public routes' rate limits, one set per process. Counted in the plugin's Redis (`redisUrl`,
 * else the app's), shared by every server; per process in memory without one or while it is down.
 */
export default class RateLimitModuleService {
  protected readonly options_: RateLimitOptions
  protected readonly logger_: Logger
  protected readonly redisUrl_: string | undefined
  protected redis_: Redis | null = null
  protected limits_: RateLimits | null = null

  __hooks = {
    onApplicationShutdown: async () => {
      const redis = this.redis_
      this.redis_ = null
      this.limits_ = null
      await redis?.quit().catch(() => redis.disconnect())
    },
  }

  constructor(deps: InjectedDependencies, options: unknown) {
    const parsed = parsePluginOptions(options)
    this.options_ = parsed.rateLimits
    this.logger_ = deps.logger
    this.redisUrl_ = parsed.redisUrl ?? deps.configModule.projectConfig.redisUrl
  }

  getOptions(): RateLimitOptions {
    return this.options_
  }

  consume(layer: LimitedLayer, key: string, points = 1): Promise<LimitVerdict> {
    return this.limits().consume(layer, key, points)
  }

  /** Built on first use: processes that serve no route (worker, migrations) open no connection. */
  protected limits(): RateLimits {
    if (!this.limits_) {
      this.redis_ = this.redisUrl_ ? createCounterRedis(this.redisUrl_, this.logger_, "rate limits") : null
      this.limits_ = new RateLimits(this.options_, this.redis_, this.logger_)
    }
    return this.limits_
  }
}
