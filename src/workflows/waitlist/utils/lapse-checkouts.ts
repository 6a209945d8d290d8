import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { WAITLIST_MODULE } from "../../../modules/waitlist"
import type WaitlistModuleService from "../../../modules/waitlist/service"
import type { WaitlistEntryRow } from "../../../modules/waitlist/types"

export const CHECKOUT_LAPSED = "checkout_not_completed"

/**
 * Accepted seats whose cart was not completed in time go back to the pool (EXPIRED, reason
 * `checkout_not_completed`). A cart that was completed but whose order event has not consumed the
 * entry yet is consumed here instead, so a paid seat is never taken back.
 */
export async function lapseCheckouts(container: MedusaContainer, variantId: string | null): Promise<WaitlistEntryRow[]> {
  const waitlist: WaitlistModuleService = container.resolve(WAITLIST_MODULE)
  const lapsed = await waitlist.listLapsedCheckouts(variantId)
  if (!lapsed.length) {
    return []
  }
  const cartIds = lapsed.map((entry) => entry.cart_id).filter((id): id is string => !!id)
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data: carts } = cartIds.length
    ? await query.graph({ entity: "cart", fields: ["id", "completed_at"], filters: { id: cartIds } })
    : { data: [] as { id: string; completed_at: unknown }[] }
  const completed = new Set(carts.filter((cart) => !!cart.completed_at).map((cart) => cart.id as string))
  for (const cartId of completed) {
    await waitlist.consumeByCart(cartId)
  }
  const open = lapsed.filter((entry) => !entry.cart_id || !completed.has(entry.cart_id))
  return waitlist.endEntries({
    session_id: variantId,
    entry_ids: open.map((entry) => entry.id),
    status: "EXPIRED",
    from: ["ACCEPTED"],
    reason: CHECKOUT_LAPSED,
  })
}
