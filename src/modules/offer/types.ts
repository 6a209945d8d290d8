export const OFFER_TYPES = ["TICKET_UPGRADE", "MERCHANDISE", "EXCLUSIVE_CONTENT", "SERVICE"] as const
export const OFFER_PLACEMENTS = ["CHECKOUT", "POST_PURCHASE", "IN_EVENT", "EMAIL"] as const
export const OFFER_HOLD_STATUSES = ["HELD", "CONVERTED", "RELEASED", "EXPIRED"] as const
export const OFFER_PURCHASE_STATUSES = ["COMPLETED", "CANCELED"] as const
/**
 * Why units of an order at the offer price were not counted as sold: the line held more
 * units than its hold (a host route that skipped the cart guard), or the hold had lapsed
 * and its units were sold to others meanwhile.
 */
export const OFFER_PURCHASE_FLAGS = ["EXCEEDS_HOLD", "HOLD_LAPSED"] as const
export const OFFER_UNAVAILABLE_REASONS = [
  "SOLD_OUT",
  "NOT_STARTED",
  "EXPIRED",
  "INACTIVE",
  "NOT_ELIGIBLE",
  "MAX_PER_CUSTOMER",
] as const

export type OfferType = (typeof OFFER_TYPES)[number]
export type OfferPlacement = (typeof OFFER_PLACEMENTS)[number]
export type OfferHoldStatus = (typeof OFFER_HOLD_STATUSES)[number]
export type OfferUnavailableReason = (typeof OFFER_UNAVAILABLE_REASONS)[number]

export type OfferPurchaseFlag = (typeof OFFER_PURCHASE_FLAGS)[number]

/** An order's holds of one offer: they make one purchase. */
export type ConvertHoldsInput = {
  offer_id: string
  order_id: string
  customer_id: string | null
  currency_code: string
  holds: {
    hold_id: string
    /** The line's unit price; the offer's price when the order does not tell. */
    unit_price: number | null
    /** Units the hold's cart line carried into the order. */
    line_quantity: number
  }[]
}

export type ConvertHoldResult = {
  hold_ids: string[]
  offer_id: string
  /** Units counted as sold (within the hold and the offer's stock). */
  quantity: number
  /** Units at the offer price beyond the hold or the stock, listed for the organizer. */
  flagged_quantity: number
  flag: OfferPurchaseFlag | null
  /** What the order paid for every unit at the offer price, flagged ones included. */
  amount: number
  /** Set only when this call recorded the purchase (a replay answers null). */
  purchase_id: string | null
}

export type RenewHoldResult = "LIVE" | "EXTENDED" | "REVIVED" | "CONVERTED" | null

export type CanceledPurchase = { id: string; offer_id: string; quantity: number }

export type OfferInput = {
  event_id: string
  variant_id: string
  title: string
  description?: string | null
  image_url?: string | null
  offer_type: OfferType
  price: number
  original_price?: number | null
  currency_code: string
  placement: OfferPlacement
  target_sessions?: string[]
  target_ticket_tiers?: string[]
  starts_at?: Date | null
  expires_at?: Date | null
  is_active?: boolean
  inventory_total?: number | null
  max_per_customer?: number | null
  requires_ticket?: boolean
}

export type OfferUpdateInput = Partial<OfferInput> & { id: string; is_archived?: boolean }

/** The DML types json columns as objects; the offer's targeting lists are JSON arrays. */
export function toOfferModelData<T extends Partial<OfferInput>>(input: T) {
  const { target_sessions, target_ticket_tiers, ...rest } = input
  return {
    ...rest,
    ...(target_sessions ? { target_sessions: target_sessions as unknown as Record<string, unknown> } : {}),
    ...(target_ticket_tiers ? { target_ticket_tiers: target_ticket_tiers as unknown as Record<string, unknown> } : {}),
  }
}
