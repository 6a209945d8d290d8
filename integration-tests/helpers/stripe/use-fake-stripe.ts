import path from "path"
import { FakeStripeApi, startFakeStripeApi } from "../../../demo/offline-stripe/fake-stripe-api"

const STRIPE_ENV_KEYS = ["STRIPE_PROVIDER_RESOLVE", "STRIPE_WEBHOOK_SECRET", "STRIPE_API_KEY", "STRIPE_FAKE_PORT"]

/**
 * Points the host's Stripe provider at a local fake for this test file. Call it at
 * the top of the file: medusa-config.ts reads these variables when the runner boots
 * (in its beforeAll), and the beforeAll registered here runs first, so the test
 * provider (which refuses to start without STRIPE_FAKE_PORT) finds the fake.
 */
export function useFakeStripe({ webhookSecret, apiKey }: { webhookSecret: string; apiKey: string }) {
  const previous = Object.fromEntries(STRIPE_ENV_KEYS.map((key) => [key, process.env[key]]))
  process.env.STRIPE_PROVIDER_RESOLVE = path.resolve(__dirname, "../../../demo/offline-stripe/provider")
  process.env.STRIPE_WEBHOOK_SECRET = webhookSecret
  process.env.STRIPE_API_KEY = apiKey
  const holder = {} as { api: FakeStripeApi }

  beforeAll(async () => {
    holder.api = await startFakeStripeApi()
    process.env.STRIPE_FAKE_PORT = String(holder.api.port)
  })

  afterAll(async () => {
    await holder.api?.close()
    for (const [key, value] of Object.entries(previous)) {
      if (value === undefined) delete process.env[key]
      else process.env[key] = value
    }
  })

  return holder
}
