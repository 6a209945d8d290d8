import { createStep } from "@medusajs/framework/workflows-sdk"
import type { CustomerOrderRow } from "./resolve-customer-tiers"
import { assertOfferHoldable, OfferToHold } from "../utils/offer-hold-rules"

export type ValidateOfferHoldInput = { offer_id: string; offer: OfferToHold | null; orders: CustomerOrderRow[] }

/** Throws unless the offer exists and the customer may buy it now; stock and the per-customer limit are the hold's. */
export const validateOfferHoldStep = createStep("validate-offer-hold", async (input: ValidateOfferHoldInput) => {
  assertOfferHoldable(input.offer_id, input.offer, input.orders, new Date())
})
