import type { PaginatedResponse } from "../common/http.js"
import type { WaitlistAuditAction, WaitlistStatus } from "../../modules/waitlist/types.js"

export type { WaitlistAuditAction, WaitlistStatus }

/** One row of `GET /admin/waitlists`: entry counts by status; seats for held, capacity and sold. */
export type AdminWaitlistSummary = {
  session_id: string
  product_id: string | null
  title: string | null
  capacity: number | null
  sold: number | null
  offerable: number | null
  held: number
  waiting: number
  offered: number
  accepted: number
  expired: number
  declined: number
  left: number
}

export type AdminWaitlistListResponse = PaginatedResponse<{ waitlists: AdminWaitlistSummary[] }>

/** Seat counts of one session, as the waitlist's steps and `GET /admin/sessions/:session_id/waitlist` see them. */
export type SessionInventory = {
  session_id: string
  product_id: string
  title: string
  /** Seats stocked: min over inventory items of stocked / required. */
  capacity: number
  /** Seats Medusa has reserved (orders): capacity − unreserved. */
  sold: number
  /** Seats Medusa's inventory can still sell: min over inventory items of (stocked − reserved) / required. */
  unreserved: number
  /** Seats promised to waitlisted customers (open offers, accepted carts not yet ordered). */
  held: number
  /** Seats wanted by WAITING entries. */
  waiting: number
  /** Seats anyone may buy: free seats nobody waiting can use now (and not kept for the head). */
  public_available: number
  /** Free seats the waitlist may be offered now. */
  offerable: number
}

export type AdminSessionInventory = SessionInventory & {
  /** Whether customers may join (the session's own setting, else its product's). */
  waitlist_enabled: boolean
}

export type AdminWaitlistAudit = {
  id: string
  entry_id: string
  action: WaitlistAuditAction
  at: string
  details: Record<string, unknown> | null
}

export type AdminWaitlistEntry = {
  id: string
  session_id: string
  customer_id: string
  customer: { id: string; email: string | null; first_name: string | null; last_name: string | null } | null
  quantity: number
  status: WaitlistStatus
  seq: number
  /** Place in line while WAITING, else null. */
  position: number | null
  offered_at: string | null
  offer_expires_at: string | null
  token_used_at: string | null
  accepted_at: string | null
  consumed_at: string | null
  cart_id: string | null
  created_at: string
  /** An accepted seat returns to the pool when its cart is not completed by then. */
  checkout_expires_at: string | null
  /** Offer rounds in which this entry, at the head, was passed over for entries that fit. */
  skip_count: number
  accept_partial: boolean
  audit: AdminWaitlistAudit[]
}

export type AdminWaitlistStatusCounts = Record<Lowercase<WaitlistStatus>, number>

/** One page of a session's entries; `count` and `status_counts` cover every entry of the session. */
export type AdminSessionWaitlistResponse = PaginatedResponse<{
  session: AdminSessionInventory
  status_counts: AdminWaitlistStatusCounts
  waitlist_entries: AdminWaitlistEntry[]
}>

export type AdminSessionWaitlistQuery = { limit: number; offset: number }

export type AdminOfferNextPayload = { count: number }

export type AdminOfferNextResponse = {
  offered: { entry_id: string; session_id: string; customer_id: string; quantity: number; expires_at: string }[]
  expired: string[]
}

export type AdminWaitlistEntryIdsPayload = { entry_ids: string[] }
export type AdminEndedWaitlistEntry = { id: string; previous_status: WaitlistStatus; reason: string }
export type AdminReleaseWaitlistEntriesResponse = { released: AdminEndedWaitlistEntry[]; count: number }
export type AdminRemoveWaitlistEntriesResponse = { removed: AdminEndedWaitlistEntry[]; count: number }

/** `enabled: null` clears the setting (a session then follows its product). */
export type AdminWaitlistSettingPayload = { enabled: boolean | null }
export type AdminSessionWaitlistSettingResponse = { waitlist_setting: { session_id: string; enabled: boolean | null } }
export type AdminEventWaitlistSettingResponse = { waitlist_setting: { event_id: string; enabled: boolean | null } }

export type AdminEventWaitlistSettings = {
  event_id: string
  /** The product-level setting (every session), null when unset. */
  enabled: boolean | null
  sessions: { session_id: string; title: string | null; own: boolean | null; enabled: boolean }[]
}
export type AdminEventWaitlistSettingsResponse = { waitlist_settings: AdminEventWaitlistSettings }

/** The customer's own entry, as the store answers it. */
export type WaitlistEntry = {
  id: string
  session_id: string
  status: WaitlistStatus
  position: number | null
  total: number | null
  estimated_wait_minutes: number | null
  quantity?: number
  offer?: { expires_at: string } | null
  cart_id?: string | null
  [key: string]: unknown
}

export type StoreWaitlistEntryResponse = { waitlist_entry: WaitlistEntry }
export type StoreWaitlistAcceptResponse = { cart: { id: string; [key: string]: unknown }; waitlist_entry: WaitlistEntry }
export type StoreWaitlistLeaveResponse = { id: string; object: "waitlist_entry"; deleted: true }

/** The `WAITLIST_OFFER` socket message. */
export type WaitlistOffer = { session_id: string; title?: string; message?: string; join_token: string; expires_at: string }
