import type { AxiosInstance } from "axios"
import type { FakeStripeApi } from "../../demo/offline-stripe/fake-stripe-api"

type Headers = { headers: Record<string, string> }

/** Opens a Stripe payment session for the cart through Medusa's store routes (the step a storefront takes). */
export async function openStripeSession(api: AxiosInstance, cartId: string, headers: Headers) {
  const collection = await api.post("/store/payment-collections", { cart_id: cartId }, headers)
  return api.post(
    `/store/payment-collections/${collection.data.payment_collection.id}/payment-sessions`,
    { provider_id: "pp_stripe_stripe" },
    headers
  )
}

/** Pays a cart as a buyer would (session, card confirmed at the fake Stripe) and completes it. */
export async function payAndComplete(api: AxiosInstance, stripe: FakeStripeApi, cartId: string, headers: Headers) {
  const session = await openStripeSession(api, cartId, headers)
  const intentId: string = session.data.payment_collection.payment_sessions[0].data.id
  stripe.confirm(intentId)
  return api.post(`/store/carts/${cartId}/complete`, {}, headers)
}
