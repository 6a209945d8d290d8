import type { PaginatedResponse } from "../common/http.js"
import type { OfferPlacement, OfferPurchaseFlag, OfferType } from "../../modules/offer/types.js"

export type { OfferPlacement, OfferType }

/** Computed by the server: `available` and `total` are null for unlimited stock; `reserved` = held. */
export type OfferInventory = { total: number | null; sold: number; reserved: number; available: number | null }

export type AdminOffer = {
  id: string
  event_id: string
  variant_id: string
  title: string
  description: string | null
  image_url: string | null
  offer_type: OfferType
  price: number
  original_price: number | null
  currency_code: string
  placement: OfferPlacement
  target_sessions: string[]
  target_ticket_tiers: string[]
  starts_at: string | null
  expires_at: string | null
  is_active: boolean
  is_archived: boolean
  inventory_total: number | null
  max_per_customer: number | null
  requires_ticket: boolean
  sold: number
  held: number
  inventory: OfferInventory
  /** Only in `GET /admin/offers/:id`: orders that took units beyond their hold or the stock. */
  flagged_purchases?: AdminOfferPurchase[]
  created_at: string
  updated_at: string
}

export type AdminOfferPurchase = {
  id: string
  order_id: string
  customer_id: string | null
  quantity: number
  flagged_quantity: number
  flag: OfferPurchaseFlag | null
  amount: number
  currency_code: string
  status: "COMPLETED" | "CANCELED"
  created_at: string
}

export type AdminOfferListParams = {
  event_id?: string
  placement?: OfferPlacement
  is_active?: boolean
  is_archived?: boolean
  offset?: number
  limit?: number
}

export type AdminOfferListResponse = PaginatedResponse<{ offers: AdminOffer[] }>
export type AdminOfferResponse = { offer: AdminOffer }
export type AdminOfferDeleteResponse = { id: string; object: "offer"; deleted: true }
export type AdminOfferPurchaseListResponse = PaginatedResponse<{ offer_purchases: AdminOfferPurchase[] }>

export type AdminOfferUpdatePayload = {
  variant_id?: string
  title?: string
  description?: string | null
  image_url?: string | null
  offer_type?: OfferType
  price?: number
  original_price?: number | null
  currency_code?: string
  placement?: OfferPlacement
  target_sessions?: string[]
  target_ticket_tiers?: string[]
  starts_at?: string | null
  expires_at?: string | null
  is_active?: boolean
  inventory_total?: number | null
  max_per_customer?: number | null
  requires_ticket?: boolean
}
export type AdminOfferCreatePayload = AdminOfferUpdatePayload & {
  event_id: string
  variant_id: string
  title: string
  offer_type: OfferType
  price: number
  currency_code: string
  placement: OfferPlacement
}

export type StoreOffer = {
  id: string
  event_id: string
  variant_id: string
  title: string
  description?: string | null
  image_url?: string | null
  offer_type: "TICKET_UPGRADE" | "MERCHANDISE" | "EXCLUSIVE_CONTENT" | "SERVICE" | string
  price: number
  original_price?: number | null
  currency_code: string
  placement: string
  inventory_total?: number | null
  inventory?: OfferInventory
  starts_at?: string | null
  expires_at?: string | null
  [key: string]: unknown
}

export type StoreOfferListResponse = PaginatedResponse<{ offers: StoreOffer[] }>
export type StoreOfferResponse = { offer: StoreOffer }

/** `GET /store/offers/:id/availability`: for this visitor, now. */
export type StoreOfferAvailabilityResponse = {
  offer_id: string
  available: boolean
  inventory_available: number | null
  reason?: string
}

export type OfferHold = {
  id: string
  offer_id: string
  quantity: number
  expires_at: string
  status: string
  cart_id: string | null
}

export type StoreOfferHoldResponse = { hold: OfferHold }

/** `POST /store/offers/:id/checkout`. */
export type OfferPurchaseResult = {
  cart: { id: string; [key: string]: unknown }
  hold: OfferHold
  /** null when the line went into the storefront's own cart. */
  payment_session: { id?: string; data?: { client_secret?: string; [key: string]: unknown }; [key: string]: unknown } | null
}

export type StoreOfferPurchase = {
  id: string
  order_id: string
  offer_id: string
  quantity: number
  amount: number
  currency_code: string
  status: "COMPLETED" | "CANCELED"
  created_at: string
  offer: { id: string; title: string; event_id: string; image_url: string | null; offer_type: OfferType } | null
}

export type StoreOfferPurchaseListResponse = PaginatedResponse<{ offer_purchases: StoreOfferPurchase[] }>
