import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { WAITLIST_MODULE } from "../../../../../modules/waitlist"
import type WaitlistModuleService from "../../../../../modules/waitlist/service"
import { getSessionInventory } from "../../../../../workflows/waitlist"
import type { AdminGetSessionWaitlistParamsType } from "../../validators"
import type { AdminSessionWaitlistResponse, AdminWaitlistStatusCounts } from "../../../../../types/waitlists"

const STATUS_KEYS = ["waiting", "offered", "accepted", "expired", "declined", "left"] as const

/**
 * A session's capacity and seat counts, its entries by status, and one page of its entries (FIFO)
 * with their customer and audit trail. Positions count every waiting entry before the page.
 */
export const GET = async (
  req: AuthenticatedMedusaRequest<unknown, AdminGetSessionWaitlistParamsType>,
  res: MedusaResponse<AdminSessionWaitlistResponse>
) => {
  const variantId = req.params.session_id
  const { limit, offset } = req.validatedQuery as AdminGetSessionWaitlistParamsType
  const inventory = await getSessionInventory(req.scope, variantId)
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const waitlist: WaitlistModuleService = req.scope.resolve(WAITLIST_MODULE)
  const { data: entries, metadata } = await query.graph({
    entity: "waitlist_entry",
    fields: [
      "id", "session_id", "customer_id", "quantity", "status", "seq", "offered_at", "offer_expires_at",
      "token_used_at", "accepted_at", "consumed_at", "cart_id", "created_at", "checkout_expires_at", "skip_count",
      "accept_partial",
    ],
    filters: { session_id: variantId },
    pagination: { order: { seq: "ASC" }, skip: offset, take: limit },
  })
  const entryIds = entries.map((entry) => entry.id as string)
  // An entry's trail is a handful of transitions, so the page's trails are bounded by the page.
  const { data: audit } = entryIds.length
    ? await query.graph({
        entity: "waitlist_audit",
        fields: ["id", "entry_id", "action", "at", "details"],
        filters: { session_id: variantId, entry_id: entryIds },
        pagination: { order: { at: "ASC" } },
      })
    : { data: [] }
  const customerIds = [...new Set(entries.map((entry) => entry.customer_id as string | null).filter((id) => !!id))]
  const { data: customers } = customerIds.length
    ? await query.graph({
        entity: "customer",
        fields: ["id", "email", "first_name", "last_name"],
        filters: { id: customerIds as string[] },
      })
    : { data: [] }
  const customerById = new Map(customers.map((customer) => [customer.id as string, customer]))
  const firstSeq = entries[0]?.seq
  const [, waitingBefore] = firstSeq
    ? await waitlist.listAndCountWaitlistEntries(
        { session_id: variantId, status: "WAITING", seq: { $lt: firstSeq } },
        { select: ["id"], take: 1 }
      )
    : [[], 0]
  let position = waitingBefore
  const waitlist_entries = entries.map((entry) => ({
    ...entry,
    position: entry.status === "WAITING" ? ++position : null,
    customer: (entry.customer_id && customerById.get(entry.customer_id)) || null,
    audit: audit.filter((row) => row.entry_id === entry.id),
  }))
  const waitlist_enabled = await waitlist.isWaitlistEnabled({ session_id: variantId, product_id: inventory.product_id })
  const [summary] = await waitlist.summarize(variantId)
  const status_counts = Object.fromEntries(
    STATUS_KEYS.map((status) => [status, Number((summary as Record<string, unknown> | undefined)?.[status] ?? 0)])
  ) as AdminWaitlistStatusCounts
  res.json({
    session: { ...inventory, waitlist_enabled },
    status_counts,
    waitlist_entries,
    count: metadata?.count ?? waitlist_entries.length,
    offset,
    limit,
  })
}
