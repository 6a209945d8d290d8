import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { WAITLIST_MODULE } from "../../../../../modules/waitlist"
import type WaitlistModuleService from "../../../../../modules/waitlist/service"
import { getSessionInventory } from "../../../../../workflows/waitlist"

/** A session's capacity, seat counts and every entry (FIFO) with its customer and audit trail. */
export const GET = async (req: MedusaRequest, res: MedusaResponse) => {
  const sessionId = req.params.session_id
  const inventory = await getSessionInventory(req.scope, sessionId)
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data: entries } = await query.graph({
    entity: "waitlist_entry",
    fields: [
      "id", "session_id", "customer_id", "quantity", "status", "seq", "offered_at", "offer_expires_at",
      "token_used_at", "accepted_at", "consumed_at", "cart_id", "created_at", "checkout_expires_at", "skip_count",
      "accept_partial",
    ],
    filters: { session_id: sessionId },
    pagination: { order: { seq: "ASC" } },
  })
  const { data: audit } = await query.graph({
    entity: "waitlist_audit",
    fields: ["id", "entry_id", "action", "at", "details"],
    filters: { session_id: sessionId },
    pagination: { order: { at: "ASC" } },
  })
  const customerIds = [...new Set(entries.map((entry) => entry.customer_id as string))]
  const { data: customers } = customerIds.length
    ? await query.graph({
        entity: "customer",
        fields: ["id", "email", "first_name", "last_name"],
        filters: { id: customerIds },
      })
    : { data: [] }
  const customerById = new Map(customers.map((customer) => [customer.id as string, customer]))
  let position = 0
  const waitlist_entries = entries.map((entry) => ({
    ...entry,
    position: entry.status === "WAITING" ? ++position : null,
    customer: customerById.get(entry.customer_id) ?? null,
    audit: audit.filter((row) => row.entry_id === entry.id),
  }))
  const waitlist: WaitlistModuleService = req.scope.resolve(WAITLIST_MODULE)
  const waitlist_enabled = await waitlist.isWaitlistEnabled({ session_id: sessionId, product_id: inventory.product_id })
  res.json({ session: { ...inventory, waitlist_enabled }, waitlist_entries, count: waitlist_entries.length })
}
