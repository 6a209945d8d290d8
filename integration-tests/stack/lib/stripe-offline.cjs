/**
 * Preloaded (`node --require`) into the scaffolded app's `medusa start` only: this machine has no
 * route to api.stripe.com, so the `stripe` client that @medusajs/payment-stripe constructs is
 * pointed at the local fake Stripe API (STACK_FAKE_STRIPE_PORT). The app's medusa-config.ts stays
 * the README's, word for word.
 */
const Module = require("module")
const path = require("path")

const port = Number(process.env.STACK_FAKE_STRIPE_PORT)
if (!port) {
  throw new Error("stripe-offline: STACK_FAKE_STRIPE_PORT is not set")
}
const providerDir = `${path.sep}@medusajs${path.sep}payment-stripe${path.sep}`
const wrapped = new WeakMap()

function offline(Stripe) {
  if (!wrapped.has(Stripe)) {
    function OfflineStripe(key, config) {
      return new Stripe(key, { ...config, host: "127.0.0.1", port, protocol: "http", maxNetworkRetries: 0, telemetry: false })
    }
    Object.setPrototypeOf(OfflineStripe, Stripe)
    OfflineStripe.prototype = Stripe.prototype
    OfflineStripe.default = OfflineStripe
    OfflineStripe.Stripe = OfflineStripe
    wrapped.set(Stripe, OfflineStripe)
  }
  return wrapped.get(Stripe)
}

const load = Module._load
Module._load = function (request, parent, ...rest) {
  const loaded = load.call(this, request, parent, ...rest)
  if (request !== "stripe" || !parent?.filename?.includes(providerDir)) {
    return loaded
  }
  return offline(loaded.default ?? loaded)
}
