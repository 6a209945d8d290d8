import path from "path"
import { defineConfig } from "@medusajs/framework/utils"
import { hostModules } from "../../host/modules"

/**
 * A host app with cart hooks of its own (as Medusa's ticket-booking recipe has) that installs
 * the built plugin through `plugins`, exactly as a merchant's app does.
 */
module.exports = defineConfig({
  projectConfig: {
    databaseUrl: process.env.DATABASE_URL,
    http: { jwtSecret: "test", cookieSecret: "test", storeCors: "*", adminCors: "*", authCors: "*" },
  },
  admin: { disable: true },
  modules: hostModules({
    stripeProvider: process.env.STRIPE_PROVIDER_RESOLVE,
    stripeApiKey: process.env.STRIPE_API_KEY || "sk_test_host",
    stripeWebhookSecret: process.env.STRIPE_WEBHOOK_SECRET || "whsec_host",
    pluginModulesFromSource: false,
    pluginOptions: {},
  }),
  plugins: [{ resolve: path.resolve(__dirname, "../.."), options: {} }],
})
