/** A hold as the module answers it (the columns of monetization_offer_hold the callers use). */
export type HoldRecord = {
  id: string
  offer_id: string
  customer_id: string
  cart_id: string | null
  line_item_id: string | null
  quantity: number
  expires_at: Date
  status: string
  created_at: Date
  updated_at: Date
}

/** The same keys from a raw row or an ORM entity. */
export function toHoldRecord(row: Record<string, unknown>): HoldRecord {
  return {
    id: row.id as string,
    offer_id: (row.offer_id ?? (row.offer as { id?: string } | undefined)?.id) as string,
    customer_id: row.customer_id as string,
    cart_id: (row.cart_id ?? null) as string | null,
    line_item_id: (row.line_item_id ?? null) as string | null,
    quantity: Number(row.quantity),
    expires_at: row.expires_at as Date,
    status: row.status as string,
    created_at: row.created_at as Date,
    updated_at: row.updated_at as Date,
  }
}
