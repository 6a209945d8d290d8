import type { GuardedCart } from "./read-cart"
import type { CartChange, CartItemInput, CartLine } from "./types"

export type ProjectedCart = {
  /** The cart's lines as they would be after the change. */
  lines: CartLine[]
  /** Variants whose quantity the change raises (all of them at checkout): the seat rules look at these. */
  raised: Set<string>
}

const toLine = (item: CartItemInput): CartLine => ({
  id: null,
  variant_id: item.variant_id ?? null,
  quantity: Number(item.quantity ?? 1),
})

/** Applies a change to the cart's current lines without touching the cart. */
export function projectLines(cart: GuardedCart | null, change: CartChange): ProjectedCart {
  const current: CartLine[] = cart?.lines ?? []
  switch (change.kind) {
    case "create":
    case "add": {
      const added = change.items.map(toLine)
      return { lines: [...current, ...added], raised: variantsOf(added) }
    }
    case "update": {
      const line = current.find((l) => l.id === change.line_id)
      const lines = current
        .map((l) => (l.id === change.line_id ? { ...l, quantity: change.quantity } : l))
        .filter((l) => l.quantity > 0)
      const raised = line && change.quantity > line.quantity ? variantsOf([line]) : new Set<string>()
      return { lines, raised }
    }
    case "checkout":
      return { lines: current, raised: variantsOf(current) }
  }
}

function variantsOf(lines: CartLine[]): Set<string> {
  return new Set(lines.map((line) => line.variant_id).filter((id): id is string => !!id))
}

export function quantitiesByVariant(lines: CartLine[]): Map<string, number> {
  const totals = new Map<string, number>()
  for (const line of lines) {
    if (line.variant_id) {
      totals.set(line.variant_id, (totals.get(line.variant_id) ?? 0) + line.quantity)
    }
  }
  return totals
}
