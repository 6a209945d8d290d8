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

export const retrieveAdminOfferQueryConfig = { defaults: OFFER_FIELDS, allowed: OFFER_FIELDS, isList: false }
export const listAdminOffersQueryConfig = { ...retrieveAdminOfferQueryConfig, isList: true }

export const OFFER_PURCHASE_FIELDS = [
  "id",
  "offer_id",
  "order_id",
  "customer_id",
  "hold_id",
  "quantity",
  "flagged_quantity",
  "flag",
  "amount",
  "currency_code",
  "status",
  "created_at",
]

export const listAdminOfferPurchasesQueryConfig = {
  defaults: OFFER_PURCHASE_FIELDS,
  allowed: OFFER_PURCHASE_FIELDS,
  isList: true,
}
