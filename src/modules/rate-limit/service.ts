import type Redis from "ioredis"
import type { ConfigModule, Logger } from "@medusajs/framework/types"
import { RateLimitOptions } from "../../lib/plugin-options"
import { PluginOptionsDependencies } from "../../lib/module-loaders/plugin-options"
import { closeRedis, connectRedis } from "../../lib/plugin-redis"
import { LimitedLayer, LimitVerdict, RateLimits } from "../../lib/rate-limit/rate-limits"

type InjectedDependencies = PluginOptionsDependencies & {
  logger: Logger
  configModule: ConfigModule
  /** Registered by `loaders/redis`; null without Redis. */
  rateLimitRedis: Redis | null
}

/**
 * The public routes' rate limits, one set per process. Counted in the plugin's Redis (`redisUrl`,
 * else the app's), shared by every server; per process in memory without one or while it is down.
 */
export default class RateLimitModuleService {
  protected readonly options_: RateLimitOptions
  protected readonly logger_: Logger
  protected readonly redis_: Redis | null
  protected readonly servesRoutes_: boolean
  protected limits_: RateLimits | null = null

  __hooks = {
    // Connect before the first request, so it is counted in Redis rather than in the meantime's memory.
    onApplicationStart: async () => {
      if (this.servesRoutes_) {
        this.limits()
      }
    },
    onApplicationShutdown: async () => {
      this.limits_ = null
      await closeRedis(this.redis_)
    },
  }

  constructor(deps: InjectedDependencies) {
    this.options_ = deps.pluginOptions.rateLimits
    this.logger_ = deps.logger
    this.redis_ = deps.rateLimitRedis
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

  blockedHere(layer: LimitedLayer, key: string): Promise<LimitVerdict> {
    return this.limits().blockedHere(layer, key)
  }

  refund(layer: LimitedLayer, key: string, points: number): Promise<void> {
    return this.limits().refund(layer, key, points)
  }

  /** Built at start in processes that serve routes, else on first use: workers and migrations open no connection. */
  protected limits(): RateLimits {
    if (!this.limits_) {
      connectRedis(this.redis_)
      this.limits_ = new RateLimits(this.options_, this.redis_, this.logger_)
    }
    return this.limits_
  }
}
