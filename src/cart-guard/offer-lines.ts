import type { MedusaContainer } from "@medusajs/framework/types"
import { MedusaError } from "@medusajs/framework/utils"
import { OFFER_MODULE } from "../modules/offer"
import type OfferModuleService from "../modules/offer/service"
import type { ProjectedCart } from "./project-lines"

export type CartOfferHold = { id: string; offer_id: string; quantity: number; line_item_id: string }

/**
 * Units at an offer price never exceed the hold they came from. A line is an offer line
 * because a hold recorded its id (line metadata is the customer's to edit); answers the
 * holds whose lines are still in the cart.
 */
export async function assertOfferLinesWithinHolds(
  container: MedusaContainer,
  cartId: string,
  projected: ProjectedCart
): Promise<CartOfferHold[]> {
  const service: OfferModuleService = container.resolve(OFFER_MODULE)
  const holds = await service.listOfferHolds(
    { cart_id: cartId, status: ["HELD", "EXPIRED", "RELEASED"] },
    { select: ["id", "offer_id", "quantity", "line_item_id"] }
  )
  const inCart: CartOfferHold[] = []
  for (const hold of holds) {
    const line = hold.line_item_id ? projected.lines.find((l) => l.id === hold.line_item_id) : undefined
    if (!line) {
      continue
    }
    if (line.quantity > hold.quantity) {
      throw new MedusaError(
        MedusaError.Types.NOT_ALLOWED,
        `Line ${line.id} has the price of offer ${hold.offer_id} for ${hold.quantity} unit(s) only: buy more through the offer`
      )
    }
    inCart.push({ id: hold.id, offer_id: hold.offer_id, quantity: hold.quantity, line_item_id: line.id! })
  }
  return inCart
}

/** The live holds carried by a cart line (the line is being removed). */
export async function listLineHolds(container: MedusaContainer, cartId: string, lineId: string): Promise<string[]> {
  const service: OfferModuleService = container.resolve(OFFER_MODULE)
  const holds = await service.listOfferHolds({ cart_id: cartId, line_item_id: lineId, status: "HELD" }, { select: ["id"] })
  return holds.map((hold) => hold.id)
}
