import { defineConfig, loadEnv } from "@medusajs/framework/utils"
import { hostModules } from "./host/modules"

loadEnv(process.env.NODE_ENV || "development", process.cwd())

/**
 * The host app used by the demo and the tests: it loads the plugin's
 * modules, routes, subscribers, jobs and admin straight from `src/`.
 */
module.exports = defineConfig({
  projectConfig: {
    databaseUrl: process.env.DATABASE_URL,
    redisUrl: process.env.REDIS_URL,
    workerMode: (process.env.MEDUSA_WORKER_MODE as "shared" | "worker" | "server") || "shared",
    http: {
      storeCors: process.env.STORE_CORS || "http://localhost:8000,http://localhost:9000",
      adminCors: process.env.ADMIN_CORS || "http://localhost:9000",
      authCors: process.env.AUTH_CORS || "http://localhost:8000,http://localhost:9000",
      jwtSecret: process.env.JWT_SECRET || "supersecret",
      cookieSecret: process.env.COOKIE_SECRET || "supersecret",
    },
    cookieOptions: { secure: false },
  },
  admin: {
    disable: process.env.MEDUSA_ADMIN_DISABLE === "true",
    path: "/app",
  },
  modules: hostModules({
    redisUrl: process.env.REDIS_URL,
    stripeProvider: process.env.STRIPE_PROVIDER_RESOLVE,
    stripeApiKey: process.env.STRIPE_API_KEY || "sk_test_demo",
    stripeWebhookSecret: process.env.STRIPE_WEBHOOK_SECRET || "whsec_demo",
    webhookDelayMs: process.env.STRIPE_WEBHOOK_DELAY_MS
      ? Number(process.env.STRIPE_WEBHOOK_DELAY_MS)
      : undefined,
    pluginModulesFromSource: true,
    analyticsLocal: process.env.MONETIZATION_ANALYTICS_LOCAL === "true",
    notificationLocalChannel: process.env.MONETIZATION_NOTIFICATION_LOCAL_CHANNEL || undefined,
    pluginOptions: process.env.MONETIZATION_OPTIONS ? JSON.parse(process.env.MONETIZATION_OPTIONS) : {},
  }),
})
