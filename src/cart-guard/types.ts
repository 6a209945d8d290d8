/** A line a caller wants in a cart: Medusa's store routes and core workflows both send this shape. */
export type CartItemInput = { variant_id?: string | null; quantity?: unknown }

/**
 * What is about to happen to a cart. `checkout` is a payment session being opened or the
 * cart being completed: the whole cart is checked and its lapsed offer holds taken again;
 * completing also extends live ones (opening sessions again and again must not keep units forever).
 */
export type CartChange =
  | { kind: "create"; items: CartItemInput[] }
  | { kind: "add"; cart_id: string; items: CartItemInput[] }
  | { kind: "update"; cart_id: string; line_id: string; quantity: number }
  | { kind: "checkout"; cart_id: string; completing: boolean }

export type CartLine = { id: string | null; variant_id: string | null; quantity: number }
