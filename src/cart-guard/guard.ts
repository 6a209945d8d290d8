import type { MedusaContainer } from "@medusajs/framework/types"
import { releaseOfferHoldsWorkflow } from "../workflows/offer/workflows/release-offer-holds"
import { renewOfferHoldsWorkflow } from "../workflows/offer/workflows/renew-offer-holds"
import { assertOfferLinesWithinHolds, listLineHolds } from "./offer-lines"
import { projectLines } from "./project-lines"
import { readCart } from "./read-cart"
import type { CartChange } from "./types"
import { assertWaitlistSeats } from "./waitlist-seats"

/**
 * The plugin's one cart guard: refuses (NOT_ALLOWED, 400) a change that would break a cart
 * rule of the plugin; at checkout also renews the cart's offer holds or refuses.
 *  1. seats the waitlist holds or is owed stay out of public carts;
 *  2. units at an offer price never exceed the live hold of their line;
 *  3. a lapsed hold is taken again if stock allows, else checkout is refused before payment;
 *  4. a cart made by accepting a waitlist offer takes exactly the offered seats.
 * Unknown or completed carts pass: Medusa's own handler answers those.
 */
export async function assertCartChangeAllowed(container: MedusaContainer, change: CartChange): Promise<void> {
  const cart = change.kind === "create" ? null : await readCart(container, change.cart_id)
  if (change.kind !== "create" && (!cart || cart.completed)) {
    return
  }
  const projected = projectLines(cart, change)
  const checkout = change.kind === "checkout"
  await assertWaitlistSeats(container, cart?.id ?? null, projected, { checkout })
  if (!cart) {
    return
  }
  const holds = await assertOfferLinesWithinHolds(container, cart.id, projected)
  if (checkout && holds.length) {
    await renewOfferHoldsWorkflow(container).run({ input: { holds, extend: change.completing } })
  }
}

/** A line leaves the cart: the hold it carried gives its units back. */
export async function releaseLineHolds(container: MedusaContainer, cartId: string, lineId: string): Promise<void> {
  const holdIds = await listLineHolds(container, cartId, lineId)
  if (holdIds.length) {
    await releaseOfferHoldsWorkflow(container).run({ input: { hold_ids: holdIds } })
  }
}
