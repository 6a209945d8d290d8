import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"

export type ResolveOfferHoldCartInput = {
  hold: { id: string; cart_id: string | null; line_item_id: string | null }
  /** The storefront's own cart, if it has one. */
  cart_id?: string
}

/**
 * Which cart the hold's line goes to: the one it is already in (a retried checkout reuses it),
 * else the storefront's cart, else a new one (null: the next step creates it). Answers whether
 * the line still has to be added.
 */
export const resolveOfferHoldCartStep = createStep(
  "resolve-offer-hold-cart",
  async ({ hold, cart_id }: ResolveOfferHoldCartInput, { container }) => {
    if (hold.cart_id && cart_id && cart_id !== hold.cart_id) {
      throw new MedusaError(
        MedusaError.Types.NOT_ALLOWED,
        `The hold on this offer is already in cart ${hold.cart_id}: remove that line first to move it`
      )
    }
    if (!hold.cart_id) {
      return new StepResponse({ cart_id: cart_id ?? null, needs_line: true })
    }
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const { data } = await query.graph({
      entity: "cart",
      fields: ["id", "completed_at", "items.id"],
      filters: { id: hold.cart_id },
    })
    const cart = data[0] as { id: string; completed_at: unknown; items?: ({ id: string } | null)[] } | undefined
    if (!cart || cart.completed_at) {
      return new StepResponse({ cart_id: cart_id ?? null, needs_line: true })
    }
    const hasLine = (cart.items ?? []).some((item) => item?.id === hold.line_item_id)
    return new StepResponse({ cart_id: cart.id, needs_line: !hasLine })
  }
)
