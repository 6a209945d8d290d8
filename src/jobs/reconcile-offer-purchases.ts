import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { findUnconvertedOfferOrders } from "../workflows/offer/utils/find-unconverted-offer-orders"
import { completeOfferPurchasesWorkflow } from "../workflows/offer/workflows/complete-offer-purchases"

/**
 * Every minute: a sale is never lost. An order whose `order.placed` was lost (Medusa's event
 * bus delivers once) still has unconverted holds on its cart; converting is idempotent with
 * the subscriber.
 */
export default async function reconcileOfferPurchasesJob(container: MedusaContainer) {
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  for (const orderId of await findUnconvertedOfferOrders(container, 48)) {
    await completeOfferPurchasesWorkflow(container)
      .run({ input: { order_id: orderId } })
      .catch((error: Error) => logger.error(`reconcile-offer-purchases: order ${orderId}: ${error.message}`))
  }
}

export const config = {
  name: "reconcile-offer-purchases",
  schedule: "* * * * *",
}
