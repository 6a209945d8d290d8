import { BigNumberInput } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MathBN, Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { OFFER_MODULE } from "../../../modules/offer"
import type OfferModuleService from "../../../modules/offer/service"
import type { ConvertHoldResult } from "../../../modules/offer/types"

export type ConvertedOfferPurchase = ConvertHoldResult & {
  order_id: string
  customer_id: string | null
  event_id: string | null
  currency_code: string
}

type OrderItem = { quantity?: unknown; unit_price?: unknown; metadata?: Record<string, unknown> | null } | null

/**
 * Turns the holds carried by an order's line items into sales, exactly once: the hold's
 * HELD→CONVERTED transition and the unique (offer, order) purchase run in one transaction,
 * under a lock on the order so completion and a (replayed) Stripe webhook cannot interleave.
 */
export const convertOfferHoldsStep = createStep(
  "convert-offer-holds",
  async (input: { order_id: string }, { container }) => {
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const { data } = await query.graph({
      entity: "order",
      fields: ["id", "customer_id", "currency_code", "items.*"],
      filters: { id: input.order_id },
    })
    const order = data[0]
    const items = ((order?.items ?? []) as OrderItem[]).filter((item) => typeof item?.metadata?.offer_hold_id === "string")
    if (!order || !items.length) {
      return new StepResponse([] as ConvertedOfferPurchase[])
    }
    const service: OfferModuleService = container.resolve(OFFER_MODULE)
    const locking = container.resolve(Modules.LOCKING)
    const converted = await locking.execute(`offer-order:${order.id}`, async () => {
      const results: ConvertedOfferPurchase[] = []
      for (const item of items) {
        // Order prices may come back as BigNumber values.
        const unitPrice = item!.unit_price == null ? null : MathBN.convert(item!.unit_price as BigNumberInput).toNumber()
        const result = await service.convertHold({
          hold_id: item!.metadata!.offer_hold_id as string,
          order_id: order.id,
          customer_id: order.customer_id ?? null,
          unit_price: unitPrice,
          currency_code: order.currency_code,
        })
        if (result?.purchase_id) {
          const offer = await service.retrieveOffer(result.offer_id, { select: ["id", "event_id"] })
          results.push({
            ...result,
            order_id: order.id,
            customer_id: order.customer_id ?? null,
            event_id: offer.event_id,
            currency_code: order.currency_code,
          })
        }
      }
      return results
    })
    return new StepResponse(converted)
  }
)
