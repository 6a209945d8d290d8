import { model } from "@medusajs/framework/utils"
import { OFFER_PLACEMENTS, OFFER_TYPES } from "../types"
import OfferHold from "./offer-hold"
import OfferPurchase from "./offer-purchase"

/** An upsell sold for an event: a product variant at an offer price, with its own stock counters. */
const Offer = model
  .define(
    { name: "Offer", tableName: "monetization_offer" },
    {
      id: model.id({ prefix: "moff" }).primaryKey(),
      event_id: model.text(),
      variant_id: model.text(),
      title: model.text(),
      description: model.text().nullable(),
      image_url: model.text().nullable(),
      offer_type: model.enum([...OFFER_TYPES]),
      price: model.bigNumber(),
      original_price: model.bigNumber().nullable(),
      currency_code: model.text(),
      placement: model.enum([...OFFER_PLACEMENTS]),
      target_sessions: model.json(),
      target_ticket_tiers: model.json(),
      starts_at: model.dateTime().nullable(),
      expires_at: model.dateTime().nullable(),
      is_active: model.boolean().default(true),
      is_archived: model.boolean().default(false),
      inventory_total: model.number().nullable(),
      /** Most units one customer may hold and buy; null: the plugin's `offerMaxPerCustomer`. */
      max_per_customer: model.number().nullable(),
      /** Only customers with a paid order for a ticket of the event may buy. */
      requires_ticket: model.boolean().default(false),
      sold: model.number().default(0),
      held: model.number().default(0),
      holds: model.hasMany(() => OfferHold, { mappedBy: "offer" }),
      purchases: model.hasMany(() => OfferPurchase, { mappedBy: "offer" }),
    }
  )
  .indexes([{ on: ["event_id", "is_archived", "is_active"] }])

export default Offer
