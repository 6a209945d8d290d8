export const WAITLIST_STATUSES = ["WAITING", "OFFERED", "ACCEPTED", "EXPIRED", "DECLINED", "LEFT"] as const
export type WaitlistStatus = (typeof WAITLIST_STATUSES)[number]

/** Statuses in which a customer still occupies a place on the list. */
export const ACTIVE_WAITLIST_STATUSES: WaitlistStatus[] = ["WAITING", "OFFERED"]

export const WAITLIST_AUDIT_ACTIONS = [
  "JOINED",
  "LEFT",
  "OFFERED",
  "ACCEPTED",
  "DECLINED",
  "EXPIRED",
  "CONSUMED",
] as const
export type WaitlistAuditAction = (typeof WAITLIST_AUDIT_ACTIONS)[number]

export type WaitlistEntryRow = {
  id: string
  session_id: string
  customer_id: string
  quantity: number
  status: WaitlistStatus
  seq: number
  ordinal: number | null
  offered_at: Date | null
  offer_expires_at: Date | null
  join_token_hash: string | null
  token_used_at: Date | null
  accepted_at: Date | null
  consumed_at: Date | null
  cart_id: string | null
  created_at: Date
  checkout_expires_at: Date | null
  skip_count: number
  accept_partial: boolean
}

export type WaitlistPosition = {
  position: number
  total: number
  estimated_wait_minutes: number
}

export type OfferedSeat = {
  entry_id: string
  session_id: string
  customer_id: string
  quantity: number
  /** Seats the entry asked for (more than `quantity` for a partial offer). */
  wanted: number
  join_token: string
  expires_at: string
}
