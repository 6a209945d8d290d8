import type { Logger } from "@medusajs/framework/types"
import type Redis from "ioredis"
import type { RedisOptions } from "ioredis"

/**
 * Commands fail at once while the connection is down instead of queueing (the offline queue
 * would hold every request until Redis returns) and give up after a second on a server that
 * accepts the connection but does not answer. ioredis keeps reconnecting by itself.
 */
export const FAIL_FAST_REDIS_OPTIONS: RedisOptions = {
  enableOfflineQueue: false,
  maxRetriesPerRequest: 0,
  commandTimeout: 1_000,
}

/**
 * Subscribers queue their (few) subscribe commands until connected and resubscribe after a
 * reconnect; they must not fail fast, or a subscription made while Redis is down is lost.
 */
export const SUBSCRIBER_REDIS_OPTIONS: RedisOptions = {
  enableOfflineQueue: true,
  maxRetriesPerRequest: null,
}

/**
 * Tracks whether the plugin's Redis is reachable, logging once when an outage starts and once
 * when it ends, never per request or per reconnect attempt.
 */
export class RedisOutage {
  protected down_ = false

  constructor(
    protected readonly logger: Logger | undefined,
    /** Who is degraded, e.g. "ad module". */
    protected readonly who: string,
    /** What happens meanwhile, e.g. "frequency caps count in this process's memory". */
    protected readonly fallback: string
  ) {}

  get isDown(): boolean {
    return this.down_
  }

  /** Follows a client's connection: errors start an outage, `ready` ends it. */
  watch<T extends Redis>(client: T): T {
    client.on("error", (error: Error) => this.failed(error))
    client.on("ready", () => this.recovered())
    return client
  }

  failed(error: Error) {
    if (this.down_) {
      return
    }
    this.down_ = true
    this.logger?.warn(`${this.who}: Redis unavailable (${error.message}); ${this.fallback} until it returns`)
  }

  recovered() {
    if (!this.down_) {
      return
    }
    this.down_ = false
    this.logger?.info(`${this.who}: Redis is back; leaving degraded mode`)
  }
}

/**
 * Makes a client's `publish` never reject: a push or invalidation that cannot cross processes
 * while Redis is down is still delivered in this process (the socket.io adapter and emitter do
 * not handle the promise, so a rejection would be unhandled).
 */
export function publishNeverRejects<T extends Redis>(client: T, outage: RedisOutage): T {
  const publish = client.publish.bind(client) as (channel: string | Buffer, message: string | Buffer) => Promise<number>
  const safe = (channel: string | Buffer, message: string | Buffer) =>
    publish(channel, message).catch((error: Error) => {
      outage.failed(error)
      return 0
    })
  Object.assign(client, { publish: safe })
  return client
}
