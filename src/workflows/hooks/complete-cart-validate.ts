import { completeCartWorkflow } from "@medusajs/medusa/core-flows"
import { renewCartOfferHolds } from "../offer/steps/renew-cart-offer-holds"
import { assertWaitlistSeatsFree } from "../waitlist/utils/seat-guard"

type Line = { variant_id?: string | null; quantity?: number | string | null }

// A core hook takes one handler per process, so every module's completion check lives here.
// Runs before the order is created and the payment authorized, so a refusal charges nothing:
// - an offer line whose hold expired is re-held if stock allows, otherwise completion fails;
// - a seat offered to (or owed to) the waitlist cannot be taken by a public cart.
completeCartWorkflow.hooks.validate(async ({ cart }, { container }) => {
  const { id, items } = cart as { id: string; items?: Line[] }
  await assertWaitlistSeatsFree(container, id, items ?? [])
  await renewCartOfferHolds(container, id)
})
