import type { Logger } from "@medusajs/framework/types"
import type Redis from "ioredis"
import { closeRedis, connectRedis } from "../../../lib/plugin-redis"
import type { RedisOutage } from "../../../lib/redis-outage"

/** Every process clears its serving cache when any process changes an ad. */
export const AD_CHANGES_CHANNEL = "monetization:ads:invalidate"

type InjectedDependencies = {
  logger?: Logger
  adRedis: Redis | null
  adRedisSubscriber: Redis | null
  adRedisOutage: RedisOutage
}

/** The ad module's Redis (registered by `loaders/redis`): the command client and the pub/sub of ad changes. */
export class AdRedisConnection {
  protected readonly logger_?: Logger
  protected readonly client_: Redis | null
  protected readonly subscriber_: Redis | null
  readonly outage: RedisOutage
  protected watching_ = false

  constructor({ logger, adRedis, adRedisSubscriber, adRedisOutage }: InjectedDependencies) {
    this.logger_ = logger
    this.client_ = adRedis
    this.subscriber_ = adRedisSubscriber
    this.outage = adRedisOutage
  }

  /** The command client, connecting on first use; null without Redis (Postgres counts caps). */
  client(): Redis | null {
    connectRedis(this.client_)
    return this.client_
  }

  /** Calls `onChange` when any process publishes an ad change; once, later calls do nothing. */
  watchChanges(onChange: () => void, fallbackMs: number): void {
    const subscriber = this.subscriber_
    if (!subscriber || !this.client() || this.watching_) {
      return
    }
    this.watching_ = true
    subscriber.on("message", onChange)
    subscriber.subscribe(AD_CHANGES_CHANNEL).catch((error: Error) => {
      this.logger_?.warn(`ad module: cannot watch ad changes, other servers' edits show within ${fallbackMs} ms: ${error.message}`)
    })
  }

  /** Tells the other processes an ad changed; without Redis there are none to tell. */
  async publishChange(): Promise<void> {
    await this.client()
      ?.publish(AD_CHANGES_CHANNEL, "1")
      .catch((error: Error) => this.logger_?.warn(`ad module: cannot tell other servers about an ad change: ${error.message}`))
  }

  async close(): Promise<void> {
    this.watching_ = false
    await Promise.all([closeRedis(this.client_), closeRedis(this.subscriber_)])
  }
}
