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
  protected readonly servesRoutes_: boolean
  protected redis_: Redis | null = null
  protected limits_: RateLimits | null = null

  __hooks = {
    // Connect before the first request, so it is counted in Redis rather than in the meantime's memory.
    onApplicationStart: async () => {
      if (this.servesRoutes_) {
        this.limits()
      }
    },
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
    this.servesRoutes_ = deps.configModule.projectConfig.workerMode !== "worker"
  }

  getOptions(): RateLimitOptions {
    return this.options_
  }

  consume(layer: LimitedLayer, key: string, points = 1): Promise<LimitVerdict> {
    return this.limits().consume(layer, key, points)
  }

  spent(layer: LimitedLayer, key: string): Promise<LimitVerdict> {
    return this.limits().spent(layer, key)
  }

  refund(layer: LimitedLayer, key: string, points: number): Promise<void> {
    return this.limits().refund(layer, key, points)
  }

  /** Built at start in processes that serve routes, else on first use: workers and migrations open no connection. */
  protected limits(): RateLimits {
    if (!this.limits_) {
      this.redis_ = this.redisUrl_ ? createCounterRedis(this.redisUrl_, this.logger_, "rate limits") : null
      this.limits_ = new RateLimits(this.options_, this.redis_, this.logger_)
    }
    return this.limits_
  }
}
