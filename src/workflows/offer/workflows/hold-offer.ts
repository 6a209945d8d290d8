import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { useQueryGraphStep } from "@medusajs/medusa/core-flows"
import { findOfferToHoldStep } from "../steps/find-offer-to-hold"
import { holdOfferStockStep } from "../steps/hold-offer-stock"
import { CUSTOMER_ORDER_FIELDS, CustomerOrderRow } from "../steps/resolve-customer-tiers"
import { validateOfferHoldStep } from "../steps/validate-offer-hold"
import { HoldOfferStockInput, needsCustomerOrders } from "../utils/offer-hold-rules"

export type { HoldOfferStockInput }

/** Holds offer units for a customer (the first step of a purchase, on its own). */
export const holdOfferWorkflow = createWorkflow("hold-offer", (input: HoldOfferStockInput) => {
  const offer = findOfferToHoldStep({ offer_id: input.offer_id })
  const orders = when("offer-needs-customer-orders", { offer }, ({ offer }) => needsCustomerOrders(offer)).then(() =>
    useQueryGraphStep({
      entity: "order",
      fields: CUSTOMER_ORDER_FIELDS,
      filters: { customer_id: input.customer_id },
    }).config({ name: "get-customer-orders-for-offer" })
  )
  const validation = transform({ input, offer, orders }, ({ input, offer, orders }) => ({
    offer_id: input.offer_id,
    offer,
    orders: (orders?.data ?? []) as unknown as CustomerOrderRow[],
  }))
  validateOfferHoldStep(validation)

  const units = transform({ input, offer }, ({ input, offer }) => ({
    offer_id: input.offer_id,
    customer_id: input.customer_id,
    quantity: input.quantity,
    max_per_customer: offer?.max_per_customer ?? null,
  }))
  const held = holdOfferStockStep(units)
  const result = transform({ held, offer }, ({ held, offer }) => ({ ...held, offer: offer! }))
  return new WorkflowResponse(result)
})
