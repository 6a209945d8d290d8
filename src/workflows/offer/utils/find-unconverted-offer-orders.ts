import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { OFFER_MODULE } from "../../../modules/offer"
import type OfferModuleService from "../../../modules/offer/service"

const PAGE = 500

/** Orders placed from carts that still carry unconverted holds (changed in the last `sinceHours`). */
export async function findUnconvertedOfferOrders(container: MedusaContainer, sinceHours: number): Promise<string[]> {
  const service: OfferModuleService = container.resolve(OFFER_MODULE)
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const since = new Date(Date.now() - sinceHours * 3_600_000)
  const orderIds = new Set<string>()
  for (let skip = 0; ; skip += PAGE) {
    const holds = await service.listOfferHolds(
      { status: ["HELD", "EXPIRED"], cart_id: { $ne: null }, updated_at: { $gte: since } },
      { select: ["cart_id"], skip, take: PAGE, order: { id: "ASC" } }
    )
    const cartIds = [...new Set(holds.map((hold) => hold.cart_id!))]
    if (cartIds.length) {
      const { data } = await query.graph({ entity: "order_cart", fields: ["order_id"], filters: { cart_id: cartIds } })
      data.forEach((link: { order_id: string }) => orderIds.add(link.order_id))
    }
    if (holds.length < PAGE) {
      break
    }
  }
  return [...orderIds]
}
