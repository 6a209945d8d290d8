/** Events of the waitlist domain (distinct from the module's automatic `waitlist.waitlist_entry.*`). */
export const WaitlistEvents = {
  JOINED: "waitlist.joined",
  LEFT: "waitlist.left",
  OFFERED: "waitlist.offered",
  OFFER_ACCEPTED: "waitlist.offer_accepted",
  OFFER_DECLINED: "waitlist.offer_declined",
  OFFER_EXPIRED: "waitlist.offer_expired",
  /** The list changed (a join, a leave, an offer): push every waiting entry its position and total. */
  POSITIONS_CHANGED: "waitlist.positions_changed",
} as const

export type WaitlistEntryEventData = {
  entry_id: string
  session_id: string
  customer_id: string
  seq: number
  previous_status?: string
  /** Why an offer or an accepted seat ended: offer_lapsed, checkout_not_completed, released_by_organizer… */
  reason?: string
}

/** Carries the clear join token to the realtime subscriber; it is never stored. */
export type WaitlistOfferedEventData = {
  entry_id: string
  session_id: string
  customer_id: string
  quantity: number
  wanted?: number
  join_token: string
  expires_at: string
}

export type WaitlistPositionsChangedData = { session_id: string }
