import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"

const TIER_FIELDS = ["id", "status", "items.variant_id"]
const PAID_TICKET_FIELDS = ["id", "status", "items.product_id", "payment_collections.status"]
/** What an offer's eligibility needs of the customer's orders: their ticket tiers and whether one was paid. */
export const CUSTOMER_ORDER_FIELDS = [...new Set([...TIER_FIELDS, ...PAID_TICKET_FIELDS])]

export type CustomerOrderRow = {
  status: string
  items?: ({ variant_id?: string | null; product_id?: string | null } | null)[] | null
  payment_collections?: ({ status?: string } | null)[] | null
}

/** Payment collection states of an order whose money is in (authorized or captured). */
const PAID_STATUSES = ["authorized", "partially_captured", "completed", "partially_refunded"]

async function customerOrders(
  container: MedusaContainer,
  customerId: string,
  fields: string[]
): Promise<CustomerOrderRow[]> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({ entity: "order", fields, filters: { customer_id: customerId } })
  return data as unknown as CustomerOrderRow[]
}

/** Variant ids of everything in the orders that were not canceled (the customer's ticket tiers). */
export function variantIdsOfOrders(orders: CustomerOrderRow[]): string[] {
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

/** Whether one of the orders is paid, not canceled and has a ticket (a variant) of the event (a product). */
export function hasPaidTicketAmong(orders: CustomerOrderRow[], productId: string): boolean {
  return orders.some(
    (order) =>
      order.status !== "canceled" &&
      (order.items ?? []).some((item) => item?.product_id === productId) &&
      (order.payment_collections ?? []).some((collection) => PAID_STATUSES.includes(String(collection?.status)))
  )
}

/** Variant ids of everything the customer has ordered (their ticket tiers); null for anonymous visitors. */
export async function purchasedVariantIds(
  container: MedusaContainer,
  customerId: string | null | undefined
): Promise<string[] | null> {
  if (!customerId) {
    return null
  }
  return variantIdsOfOrders(await customerOrders(container, customerId, TIER_FIELDS))
}

/** Whether the customer has a paid, not canceled order with a ticket (a variant) of the event (a product). */
export async function hasPaidTicket(container: MedusaContainer, customerId: string, productId: string): Promise<boolean> {
  return hasPaidTicketAmong(await customerOrders(container, customerId, PAID_TICKET_FIELDS), productId)
}
