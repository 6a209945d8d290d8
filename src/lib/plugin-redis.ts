import type { ConfigModule } from "@medusajs/framework/types"
import Redis, { RedisOptions } from "ioredis"
import type { PluginOptions } from "./plugin-options"

/** The plugin's `redisUrl`, else the app's `projectConfig.redisUrl`; none means no Redis for the plugin. */
export function pluginRedisUrl(options: PluginOptions, configModule: ConfigModule | undefined): string | undefined {
  return options.redisUrl ?? configModule?.projectConfig?.redisUrl
}

/**
 * A client a module loader registers without connecting: a process that never uses it (a
 * migration, a worker without routes) opens no connection. `connectRedis` starts it.
 */
export function lazyRedis(url: string, options: RedisOptions): Redis {
  return new Redis(url, { ...options, lazyConnect: true })
}

/** Connects a lazy client once, as a non-lazy one does when built (errors go to its `error` listeners). */
export function connectRedis(client: Redis | null | undefined): void {
  if (client?.status === "wait") {
    client.connect().catch(() => undefined)
  }
}

/** quit() needs a connection; during an outage disconnect() stops the reconnect attempts. */
export async function closeRedis(client: Redis | null | undefined): Promise<void> {
  if (!client || client.status === "end") {
    return
  }
  if (client.status === "wait") {
    client.disconnect()
    return
  }
  await client.quit().catch(() => client.disconnect())
}
