import type { MedusaContainer } from "@medusajs/framework/types"
import { MedusaError } from "@medusajs/framework/utils"
import { WAITLIST_MODULE } from "../modules/waitlist"
import type WaitlistModuleService from "../modules/waitlist/service"
import { getSessionInventory } from "../workflows/waitlist/utils/session-inventory"
import { ProjectedCart, quantitiesByVariant } from "./project-lines"

/**
 * Seats the waitlist holds or is owed stay out of public carts, and a cart made by accepting
 * a waitlist offer takes exactly the offered seats: never more while it is filled, exactly
 * that many at checkout.
 */
export async function assertWaitlistSeats(
  container: MedusaContainer,
  cartId: string | null,
  projected: ProjectedCart,
  { checkout }: { checkout: boolean }
) {
  if (!projected.raised.size && !checkout) {
    return
  }
  const waitlist: WaitlistModuleService = container.resolve(WAITLIST_MODULE)
  const totals = quantitiesByVariant(projected.lines)
  const accepted = cartId ? await waitlist.findByCart(cartId) : null
  if (accepted && !accepted.consumed_at) {
    const taken = totals.get(accepted.session_id) ?? 0
    if (taken > accepted.quantity || (checkout && taken !== accepted.quantity)) {
      throw new MedusaError(
        MedusaError.Types.NOT_ALLOWED,
        `This cart holds the ${accepted.quantity} seat(s) of session ${accepted.session_id} offered to you from its waitlist: ` +
          `it takes exactly that many`
      )
    }
  }
  for (const variantId of projected.raised) {
    if (accepted?.session_id === variantId) {
      continue
    }
    const { held, waiting } = await waitlist.seatCounts(variantId)
    if (held + waiting === 0) {
      continue // no waitlist claims on this variant: Medusa's own stock checks apply
    }
    const inventory = await getSessionInventory(container, variantId)
    if ((totals.get(variantId) ?? 0) > inventory.public_available) {
      throw new MedusaError(
        MedusaError.Types.NOT_ALLOWED,
        `Seats of session ${variantId} are held for customers on its waitlist: join the waitlist instead`
      )
    }
  }
}
