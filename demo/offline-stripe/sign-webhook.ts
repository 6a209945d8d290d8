import { randomBytes } from "crypto"
import { loadStripe } from "./load-stripe"

export function signStripeWebhook(payload: object, secret: string) {
  const body = JSON.stringify(payload)
  const signature: string = loadStripe().webhooks.generateTestHeaderString({ payload: body, secret })
  return {
    body,
    headers: { "stripe-signature": signature, "content-type": "application/json" as const },
  }
}

export function paymentIntentEvent(type: string, intent: object) {
  return {
    id: `evt_${randomBytes(12).toString("hex")}`,
    object: "event",
    api_version: "2024-04-10",
    created: Math.floor(Date.now() / 1000),
    livemode: false,
    pending_webhooks: 1,
    request: { id: null, idempotency_key: null },
    type,
    data: { object: intent },
  }
}
