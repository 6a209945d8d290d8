import { BigNumberInput } from "@medusajs/framework/types"
import { MathBN, Modules } from "@medusajs/framework/utils"
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

type CartLine = { id: string; quantity?: unknown; unit_price?: unknown } | null

/** What the conversion needs of the order (read by the workflow through Query). */
export const OFFER_ORDER_FIELDS = [
  "id",
  "customer_id",
  "currency_code",
  "cart.id",
  "cart.items.id",
  "cart.items.quantity",
  "cart.items.unit_price",
]

export type OfferOrderRow = {
  id: string
  customer_id?: string | null
  currency_code: string
  cart?: { id: string; items?: CartLine[] | null } | null
}

const toNumber = (value: unknown) => (value == null ? null : MathBN.convert(value as BigNumberInput).toNumber())

/**
 * Turns the holds of the order's cart into sales, exactly once. A hold is tied to its cart
 * line by the line id it recorded (never by line metadata a customer can edit); the line's
 * quantity and price are what the order took. The hold's HELD→CONVERTED transition and the
 * unique (offer, order) purchase run in one transaction, under a lock on the order so
 * completion, a (replayed) Stripe webhook and the reconciliation job cannot interleave. Holds
 * of one offer make one purchase; a hold whose line left the cart is released.
 */
export const convertOfferHoldsStep = createStep(
  "convert-offer-holds",
  async ({ order }: { order: OfferOrderRow | null | undefined }, { container }) => {
    if (!order?.cart) {
      return new StepResponse([] as ConvertedOfferPurchase[])
    }
    const service: OfferModuleService = container.resolve(OFFER_MODULE)
    const holds = await service.listOfferHolds(
      { cart_id: order.cart.id, status: ["HELD", "EXPIRED", "RELEASED"] },
      { select: ["id", "offer_id", "line_item_id"] }
    )
    if (!holds.length) {
      return new StepResponse([] as ConvertedOfferPurchase[])
    }
    const lines = new Map((order.cart.items ?? []).filter((line) => !!line).map((line) => [line!.id, line!]))
    const byOffer = new Map<string, { hold_id: string; unit_price: number | null; line_quantity: number }[]>()
    const detached: string[] = []
    for (const hold of holds) {
      const line = hold.line_item_id ? lines.get(hold.line_item_id) : undefined
      if (!line) {
        detached.push(hold.id)
        continue
      }
      const group = byOffer.get(hold.offer_id) ?? []
      group.push({ hold_id: hold.id, unit_price: toNumber(line.unit_price), line_quantity: toNumber(line.quantity) ?? 0 })
      byOffer.set(hold.offer_id, group)
    }
    const locking = container.resolve(Modules.LOCKING)
    const converted = await locking.execute(`offer-order:${order.id}`, async () => {
      for (const holdId of detached) {
        await service.releaseHold(holdId) // its line left the cart before the order
      }
      const results: ConvertedOfferPurchase[] = []
      for (const [offerId, group] of byOffer) {
        const result = await service.convertHolds({
          offer_id: offerId,
          order_id: order.id,
          customer_id: order.customer_id ?? null,
          currency_code: order.currency_code,
          holds: group,
        })
        if (result?.purchase_id) {
          const offer = await service.retrieveOffer(offerId, { select: ["id", "event_id"] })
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
