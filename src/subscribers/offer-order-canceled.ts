import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { cancelOfferPurchasesWorkflow } from "../workflows/offer/workflows/cancel-offer-purchases"

/** A canceled order returns its offer units to stock and marks the purchases CANCELED. */
export default async function offerOrderCanceledHandler({ event, container }: SubscriberArgs<{ id: string }>) {
  await cancelOfferPurchasesWorkflow(container).run({ input: { order_id: event.data.id } })
}

export const config: SubscriberConfig = { event: "order.canceled" }
