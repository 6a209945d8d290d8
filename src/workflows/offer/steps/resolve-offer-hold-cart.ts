import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"

export type OfferHoldCartRow = { id: string; completed_at?: unknown; items?: ({ id: string } | null)[] | null }

export type ResolveOfferHoldCartInput = {
  hold: { id: string; cart_id: string | null; line_item_id: string | null }
  /** The storefront's own cart, if it has one. */
  cart_id?: string
  /** The cart the hold is already in, as read (null: none, or gone). */
  held_cart: OfferHoldCartRow | null
}

/**
 * Which cart the hold's line goes to: the one it is already in (a retried checkout reuses it),
 * else the storefront's cart, else a new one (null: the workflow creates it). Answers whether
 * the line still has to be added; refuses moving a hold to another cart.
 */
export const resolveOfferHoldCartStep = createStep(
  "resolve-offer-hold-cart",
  async ({ hold, cart_id, held_cart }: ResolveOfferHoldCartInput) => {
    if (hold.cart_id && cart_id && cart_id !== hold.cart_id) {
      throw new MedusaError(
        MedusaError.Types.NOT_ALLOWED,
        `The hold on this offer is already in cart ${hold.cart_id}: remove that line first to move it`
      )
    }
    if (!hold.cart_id || !held_cart || held_cart.completed_at) {
      return new StepResponse({ cart_id: cart_id ?? null, needs_line: true })
    }
    const hasLine = (held_cart.items ?? []).some((item) => item?.id === hold.line_item_id)
    return new StepResponse({ cart_id: held_cart.id, needs_line: !hasLine })
  }
)
