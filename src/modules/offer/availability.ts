import { OfferUnavailableReason } from "./types"

export type OfferLike = {
  id: string
  is_active: boolean
  is_archived: boolean
  starts_at?: Date | string | null
  expires_at?: Date | string | null
  inventory_total?: number | null
  sold: number
  held: number
  target_ticket_tiers?: unknown
  target_sessions?: unknown
}

export const asIds = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((v): v is string => typeof v === "string") : []

/** Units still for sale; null means unlimited. */
export function inventoryAvailable(offer: OfferLike): number | null {
  if (offer.inventory_total === null || offer.inventory_total === undefined) {
    return null
  }
  return Math.max(offer.inventory_total - offer.sold - offer.held, 0)
}

/** The computed stock block of the contract: `{ total, sold, reserved, available }`. */
export function inventoryOf(offer: OfferLike) {
  return {
    total: offer.inventory_total ?? null,
    sold: offer.sold,
    reserved: offer.held,
    available: inventoryAvailable(offer),
  }
}

/** Whether a customer who bought `purchasedVariantIds` (null = anonymous) may see and buy the offer. */
export function isEligible(offer: OfferLike, purchasedVariantIds: string[] | null): boolean {
  const tiers = asIds(offer.target_ticket_tiers)
  if (!tiers.length) {
    return true
  }
  return !!purchasedVariantIds && tiers.some((tier) => purchasedVariantIds.includes(tier))
}

/** Why an offer cannot be bought now for `quantity` units, or null when it can. */
export function unavailableReason(
  offer: OfferLike,
  { now, purchasedVariantIds, quantity = 1 }: { now: Date; purchasedVariantIds: string[] | null; quantity?: number }
): OfferUnavailableReason | null {
  if (!offer.is_active || offer.is_archived) {
    return "INACTIVE"
  }
  if (offer.starts_at && new Date(offer.starts_at) > now) {
    return "NOT_STARTED"
  }
  if (offer.expires_at && new Date(offer.expires_at) <= now) {
    return "EXPIRED"
  }
  if (!isEligible(offer, purchasedVariantIds)) {
    return "NOT_ELIGIBLE"
  }
  const available = inventoryAvailable(offer)
  if (available !== null && available < quantity) {
    return "SOLD_OUT"
  }
  return null
}

/** Whether the offer is shown for `variantId`: session-targeted offers only for their sessions. */
export function matchesSession(offer: OfferLike, variantId: string | undefined): boolean {
  const targetVariantIds = asIds(offer.target_sessions)
  return !targetVariantIds.length || (!!variantId && targetVariantIds.includes(variantId))
}
