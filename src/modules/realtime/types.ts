export const REALTIME_EVENTS = {
  WAITLIST_POSITION_UPDATE: "WAITLIST_POSITION_UPDATE",
  WAITLIST_OFFER: "WAITLIST_OFFER",
  WAITLIST_OFFER_EXPIRED: "WAITLIST_OFFER_EXPIRED",
} as const

export const userRoom = (customerId: string) => `user:${customerId}`
export const waitlistRoom = (variantId: string) => `session:${variantId}:waitlist`
export const WAITLIST_ROOM_PATTERN = /^session:(.+):waitlist$/
