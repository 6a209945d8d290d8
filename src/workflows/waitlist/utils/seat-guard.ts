import type { MedusaContainer } from "@medusajs/framework/types"
import { MedusaError } from "@medusajs/framework/utils"
import { WAITLIST_MODULE } from "../../../modules/waitlist"
import type WaitlistModuleService from "../../../modules/waitlist/service"
import { getSessionInventory } from "./session-inventory"

type Line = { variant_id?: string | null; quantity?: number | string | null }

/**
 * Refuses a purchase that would take a seat the waitlist holds or is owed. A cart created
 * by accepting a waitlist offer (its id is on the ACCEPTED entry) may buy its own seat.
 */
export async function assertWaitlistSeatsFree(container: MedusaContainer, cartId: string | null, lines: Line[]) {
  const waitlist: WaitlistModuleService = container.resolve(WAITLIST_MODULE)
  const wanted = new Map<string, number>()
  for (const line of lines) {
    if (line.variant_id) {
      wanted.set(line.variant_id, (wanted.get(line.variant_id) ?? 0) + Number(line.quantity ?? 1))
    }
  }
  if (!wanted.size) {
    return
  }
  const accepted = cartId ? await waitlist.findByCart(cartId) : null
  for (const [variantId, quantity] of wanted) {
    if (accepted?.session_id === variantId) {
      continue
    }
    const { held, waiting } = await waitlist.seatCounts(variantId)
    if (held + waiting === 0) {
      continue // not a session with a waitlist: Medusa's own stock checks apply
    }
    const inventory = await getSessionInventory(container, variantId)
    if (quantity > inventory.public_available) {
      throw new MedusaError(
        MedusaError.Types.NOT_ALLOWED,
        `Seats of session ${variantId} are held for customers on its waitlist: join the waitlist instead`
      )
    }
  }
}
