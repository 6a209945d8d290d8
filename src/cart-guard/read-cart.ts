import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import type { CartLine } from "./types"

export type GuardedCart = { id: string; completed: boolean; lines: (CartLine & { id: string })[] }

type CartRow = {
  id: string
  completed_at: Date | string | null
  items?: ({ id: string; variant_id: string | null; quantity: unknown } | null)[]
}

/** The cart's lines as the guard sees them; null for an unknown cart (Medusa's route answers 404). */
export async function readCart(container: MedusaContainer, cartId: string): Promise<GuardedCart | null> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "cart",
    fields: ["id", "completed_at", "items.id", "items.variant_id", "items.quantity"],
    filters: { id: cartId },
  })
  const cart = data[0] as CartRow | undefined
  if (!cart) {
    return null
  }
  return {
    id: cart.id,
    completed: !!cart.completed_at,
    lines: (cart.items ?? [])
      .filter((item) => !!item)
      .map((item) => ({ id: item!.id, variant_id: item!.variant_id, quantity: Number(item!.quantity) })),
  }
}
