import { model } from "@medusajs/framework/utils"
import { OFFER_PURCHASE_FLAGS, OFFER_PURCHASE_STATUSES } from "../types"
import Offer from "./offer"

/** One order's purchase of an offer; (offer, order) is unique so replays record nothing new. */
const OfferPurchase = model
  .define(
    { name: "OfferPurchase", tableName: "monetization_offer_purchase" },
    {
      id: model.id({ prefix: "mofp" }).primaryKey(),
      order_id: model.text(),
      customer_id: model.text().nullable(),
      hold_id: model.text().nullable(),
      quantity: model.number(),
      flagged_quantity: model.number().default(0),
      flag: model.enum([...OFFER_PURCHASE_FLAGS]).nullable(),
      amount: model.bigNumber(),
      currency_code: model.text(),
      status: model.enum([...OFFER_PURCHASE_STATUSES]).default("COMPLETED"),
      offer: model.belongsTo(() => Offer, { mappedBy: "purchases" }),
    }
  )
  .indexes([{ on: ["offer_id", "order_id"], unique: true }, { on: ["customer_id"] }, { on: ["order_id"] }])

export default OfferPurchase
