import { ModuleProvider, Modules } from "@medusajs/framework/utils"
import StripeProviderService from "@medusajs/payment-stripe/dist/services/stripe-provider"
import { loadStripe } from "../load-stripe"

type OfflineStripeOptions = { apiKey: string; webhookSecret?: string; fakeApiPort?: number | string }

class OfflineStripeProviderService extends StripeProviderService {
  static identifier = "stripe"

  constructor(container: Record<string, unknown>, options: OfflineStripeOptions) {
    super(container, options)
    const port = Number(process.env.STRIPE_FAKE_PORT || options.fakeApiPort)
    if (!port) {
      // Refuse rather than silently talk to api.stripe.com.
      throw new Error("offline-stripe provider: set STRIPE_FAKE_PORT or the fakeApiPort option")
    }
    const Stripe = loadStripe()
    this.stripe_ = new Stripe(options.apiKey, {
      host: "127.0.0.1",
      port,
      protocol: "http",
      maxNetworkRetries: 0,
      telemetry: false,
    })
  }
}

export { OfflineStripeProviderService }

export default ModuleProvider(Modules.PAYMENT, { services: [OfflineStripeProviderService] })
