import { OFFER_FIELDS } from "../../utils/offers"

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
