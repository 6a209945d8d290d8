import { addToCartWorkflow, createCartWorkflow } from "@medusajs/medusa/core-flows"
import { assertWaitlistSeatsFree } from "../waitlist/utils/seat-guard"

type Line = { variant_id?: string | null; quantity?: number | string | null }

// While a seat is offered to (or owed to) the waitlist, public carts cannot take it.
// (Cart completion is checked in complete-cart-validate.ts: one handler per hook.)
createCartWorkflow.hooks.validate(async ({ input }, { container }) => {
  await assertWaitlistSeatsFree(container, null, ((input as { items?: Line[] }).items ?? []) as Line[])
})

addToCartWorkflow.hooks.validate(async ({ input, cart }, { container }) => {
  await assertWaitlistSeatsFree(container, (cart as { id: string }).id, (input.items ?? []) as Line[])
})
