import type { MedusaContainer } from "@medusajs/framework/types"
import { assertCartChangeAllowed } from "./guard"
import type { CartItemInput } from "./types"

type HookContext = { container: MedusaContainer }

/**
 * The guard in the shape of Medusa's cart workflow `validate` hooks, for a host app that
 * owns those hooks: call the matching one inside your own handler, beside your checks.
 */
export async function validateCreateCart({ input }: { input: { items?: CartItemInput[] | null } }, { container }: HookContext) {
  await assertCartChangeAllowed(container, { kind: "create", items: input.items ?? [] })
}

export async function validateAddToCart(
  { input }: { input: { cart_id: string; items?: CartItemInput[] | null } },
  { container }: HookContext
) {
  await assertCartChangeAllowed(container, { kind: "add", cart_id: input.cart_id, items: input.items ?? [] })
}

export async function validateUpdateLineItem(
  { input }: { input: { cart_id: string; item_id: string; update: { quantity?: unknown } } },
  { container }: HookContext
) {
  if (input.update.quantity == null) {
    return
  }
  await assertCartChangeAllowed(container, {
    kind: "update",
    cart_id: input.cart_id,
    line_id: input.item_id,
    quantity: Number(input.update.quantity),
  })
}

/** Also covers completions no HTTP middleware sees: a Stripe webhook, a host's own route. */
export async function validateCompleteCart({ cart }: { cart: { id: string } }, { container }: HookContext) {
  await assertCartChangeAllowed(container, { kind: "checkout", cart_id: cart.id, completing: true })
}
