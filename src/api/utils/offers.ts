import { inventoryOf, OfferLike } from "../../modules/offer/availability"

/** The offer fields both the admin and the store read (the store hides what it must). */
export const OFFER_FIELDS = [
  "id",
  "event_id",
  "variant_id",
  "title",
  "description",
  "image_url",
  "offer_type",
  "price",
  "original_price",
  "currency_code",
  "placement",
  "target_sessions",
  "target_ticket_tiers",
  "starts_at",
  "expires_at",
  "is_active",
  "is_archived",
  "inventory_total",
  "max_per_customer",
  "requires_ticket",
  "sold",
  "held",
  "created_at",
  "updated_at",
]

/** The contract's offer shape: stored fields plus the computed `inventory` block. */
export function formatOffer<T extends Partial<OfferLike>>(offer: T) {
  return {
    ...offer,
    inventory: inventoryOf({ sold: 0, held: 0, ...offer } as OfferLike),
  }
}
