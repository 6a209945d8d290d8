import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"

/** Variant ids of everything the customer has ordered (their ticket tiers); null for anonymous visitors. */
export async function purchasedVariantIds(
  container: MedusaContainer,
  customerId: string | null | undefined
): Promise<string[] | null> {
  if (!customerId) {
    return null
  }
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data: orders } = await query.graph({
    entity: "order",
    fields: ["id", "status", "items.variant_id"],
    filters: { customer_id: customerId },
  })
  const ids = new Set<string>()
  for (const order of orders) {
    if (order.status === "canceled") {
      continue
    }
    for (const item of order.items ?? []) {
      if (item?.variant_id) {
        ids.add(item.variant_id)
      }
    }
  }
  return [...ids]
}

/** Payment collection states of an order whose money is in (authorized or captured). */
const PAID_STATUSES = ["authorized", "partially_captured", "completed", "partially_refunded"]

/** Whether the customer has a paid, not canceled order with a ticket (a variant) of the event (a product). */
export async function hasPaidTicket(container: MedusaContainer, customerId: string, eventId: string): Promise<boolean> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data: orders } = await query.graph({
    entity: "order",
    fields: ["id", "status", "items.product_id", "payment_collections.status"],
    filters: { customer_id: customerId },
  })
  type OrderRow = {
    status: string
    items?: ({ product_id?: string | null } | null)[]
    payment_collections?: ({ status?: string } | null)[]
  }
  return (orders as unknown as OrderRow[]).some(
    (order) =>
      order.status !== "canceled" &&
      (order.items ?? []).some((item) => item?.product_id === eventId) &&
      (order.payment_collections ?? []).some((collection) => PAID_STATUSES.includes(String(collection?.status)))
  )
}
