import { container } from "@medusajs/framework"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"

/**
 * Whether the customer is still waiting on (or holding an offer from) the session's waitlist.
 * The waitlist is another module's data, so it is read through Query, which lives in the app's
 * container (the one Medusa's loaders fill and every request scope derives from); a module's own
 * container cannot reach it, and a socket event has no request scope to take it from.
 */
export async function isOnWaitlist(variantId: string, customerId: string): Promise<boolean> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "waitlist_entry",
    fields: ["id"],
    filters: { session_id: variantId, customer_id: customerId, status: ["WAITING", "OFFERED"] },
    pagination: { take: 1 },
  })
  return data.length > 0
}
