const path = require("path")
const { randomBytes } = require("crypto")

const root = path.resolve(__dirname, "../..")
const sourceDir = path.join(root, "demo/offline-stripe")

/** Loads the TypeScript fake Stripe API (shared with the tests) by bundling it with esbuild. */
function loadFakeStripeModule() {
  const esbuild = require("esbuild")
  const { outputFiles } = esbuild.buildSync({
    entryPoints: [path.join(sourceDir, "fake-stripe-api.ts")],
    bundle: true,
    platform: "node",
    format: "cjs",
    packages: "external",
    write: false,
    logLevel: "error",
  })
  const mod = { exports: {} }
  new Function("module", "exports", "require", "__dirname", outputFiles[0].text)(mod, mod.exports, require, sourceDir)
  return mod.exports
}

/**
 * Stripe for a machine without internet: a local server speaking the payment-intent API
 * that Medusa's own Stripe provider calls, delivering signed webhooks to Medusa like
 * Stripe does. The host swaps its Stripe client's host to it (demo/offline-stripe/provider).
 */
async function startOfflineStripe({ medusaUrl }) {
  const secret = `whsec_${randomBytes(16).toString("hex")}`
  const api = await loadFakeStripeModule().startFakeStripeApi({
    webhook: { url: `${medusaUrl}/hooks/payment/stripe_stripe`, secret },
    onWebhookError: (error) => console.error(`[offline-stripe] ${error.message}`),
  })
  return {
    api,
    env: {
      STRIPE_PROVIDER_RESOLVE: path.join(sourceDir, "provider"),
      STRIPE_FAKE_PORT: String(api.port),
      STRIPE_API_KEY: "sk_test_offline",
      STRIPE_WEBHOOK_SECRET: secret,
    },
  }
}

module.exports = { startOfflineStripe }
