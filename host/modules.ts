
export type HostModulesInput = {
  redisUrl?: string
  /** Module path of the Stripe provider; tests swap in one that talks to a local fake. */
  stripeProvider?: string
  stripeApiKey: string
  stripeWebhookSecret: string
  /** Load the plugin's modules from `src/` (the repo as host); false when the built plugin is used. */
  pluginModulesFromSource: boolean
  pluginOptions: Record<string, unknown>
  webhookDelayMs?: number
  /** Configure Medusa's Analytics Module with its local provider (tests of the forwarding). */
  analyticsLocal?: boolean
  /**
   * Configure Medusa's Notification Module with its local provider (it logs instead of sending)
   * on this channel, e.g. `email` for the waitlist notification tests. Unset: Medusa's default.
   */
  notificationLocalChannel?: string
}

export const PLUGIN_MODULE_NAMES = ["monetization-event", "abtest", "offer", "ad", "waitlist", "realtime", "rate-limit"]

/**
 * Medusa modules for the demo/test host: Redis-backed when REDIS_URL is set (what several
 * server processes plus a worker need), in-memory otherwise.
 */
export function hostModules(input: HostModulesInput) {
  const modules: Record<string, unknown>[] = [
    {
      resolve: "@medusajs/medusa/payment",
      options: {
        webhook_delay: input.webhookDelayMs,
        providers: [
          {
            resolve: input.stripeProvider || "@medusajs/medusa/payment-stripe",
            id: "stripe",
            options: {
              apiKey: input.stripeApiKey,
              webhookSecret: input.stripeWebhookSecret,
            },
          },
        ],
      },
    },
  ]

  if (input.analyticsLocal) {
    modules.push({
      resolve: "@medusajs/medusa/analytics",
      options: { providers: [{ resolve: "@medusajs/medusa/analytics-local", id: "local" }] },
    })
  }

  if (input.notificationLocalChannel) {
    modules.push({
      resolve: "@medusajs/medusa/notification",
      options: {
        providers: [
          {
            resolve: "@medusajs/medusa/notification-local",
            id: "local",
            options: { channels: [input.notificationLocalChannel] },
          },
        ],
      },
    })
  }

  if (input.redisUrl) {
    modules.push(
      {
        resolve: "@medusajs/medusa/event-bus-redis",
        options: { redisUrl: input.redisUrl },
      },
      {
        resolve: "@medusajs/medusa/workflow-engine-redis",
        options: { redis: { redisUrl: input.redisUrl } },
      },
      {
        resolve: "@medusajs/medusa/cache-redis",
        options: { redisUrl: input.redisUrl },
      },
      // 2.21 keeps the Cache Module (required) and adds the provider-based Caching Module; Medusa's
      // own Redis defaults register both, so do we.
      {
        resolve: "@medusajs/medusa/caching",
        options: {
          providers: [
            {
              resolve: "@medusajs/medusa/caching-redis",
              id: "caching-redis",
              is_default: true,
              options: { redisUrl: input.redisUrl },
            },
          ],
        },
      },
      {
        resolve: "@medusajs/medusa/locking",
        options: {
          providers: [
            {
              resolve: "@medusajs/medusa/locking-redis",
              id: "locking-redis",
              is_default: true,
              options: { redisUrl: input.redisUrl },
            },
          ],
        },
      }
    )
  }

  if (input.pluginModulesFromSource) {
    for (const name of PLUGIN_MODULE_NAMES) {
      modules.push({ resolve: `./src/modules/${name}`, options: input.pluginOptions })
    }
  }

  return modules
}

