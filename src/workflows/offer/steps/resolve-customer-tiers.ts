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
