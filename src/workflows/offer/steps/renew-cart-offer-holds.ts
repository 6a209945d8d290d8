import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import type { MedusaContainer } from "@medusajs/framework/types"
import { OFFER_MODULE } from "../../../modules/offer"
import type OfferModuleService from "../../../modules/offer/service"

/**
 * Before a cart with offer lines completes: every hold must still be live. An expired or
 * released one is taken again if stock allows, else completion fails before any payment
 * is authorized.
 */
export async function renewCartOfferHolds(container: MedusaContainer, cartId: string): Promise<void> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({ entity: "cart", fields: ["id", "items.metadata"], filters: { id: cartId } })
  const holdIds = ((data[0]?.items ?? []) as ({ metadata?: Record<string, unknown> | null } | null)[])
    .map((item) => item?.metadata?.offer_hold_id)
    .filter((id): id is string => typeof id === "string")
  if (!holdIds.length) {
    return
  }
  const service: OfferModuleService = container.resolve(OFFER_MODULE)
  const holds = await service.listOfferHolds({ id: holdIds })
  const now = Date.now()
  for (const hold of holds) {
    if (hold.status === "CONVERTED" || (hold.status === "HELD" && new Date(hold.expires_at).getTime() > now)) {
      continue
    }
    const renewed = await service.renewHold(hold.id, new Date(now + (await service.getHoldMinutes()) * 60_000))
    if (!renewed) {
      throw new MedusaError(
        MedusaError.Types.NOT_ALLOWED,
        `The hold on offer ${hold.offer_id} expired and the offer is sold out`
      )
    }
  }
}
