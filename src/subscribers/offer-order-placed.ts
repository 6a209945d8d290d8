import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { completeOfferPurchasesWorkflow } from "../workflows/offer/workflows/complete-offer-purchases"

/** A placed order turns its offer holds into purchases (idempotent: replays record nothing). */
export default async function offerOrderPlacedHandler({ event, container }: SubscriberArgs<{ id: string }>) {
  await completeOfferPurchasesWorkflow(container).run({ input: { order_id: event.data.id } })
}

export const config: SubscriberConfig = { event: "order.placed" }
