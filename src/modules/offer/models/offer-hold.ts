import { model } from "@medusajs/framework/utils"
import { OFFER_HOLD_STATUSES } from "../types"
import Offer from "./offer"

/** Units of an offer set aside for one customer's cart until `expires_at`. */
const OfferHold = model
  .define(
    { name: "OfferHold", tableName: "monetization_offer_hold" },
    {
      id: model.id({ prefix: "mofh" }).primaryKey(),
      /** Null once the customer was deleted (the hold's units and status stay). */
      customer_id: model.text().nullable(),
      cart_id: model.text().nullable(),
      line_item_id: model.text().nullable(),
      quantity: model.number(),
      expires_at: model.dateTime(),
      status: model.enum([...OFFER_HOLD_STATUSES]).default("HELD"),
      offer: model.belongsTo(() => Offer, { mappedBy: "holds" }),
    }
  )
  .indexes([
    { on: ["status", "expires_at"] },
    { on: ["customer_id"] },
    { on: ["cart_id"] },
    /** A customer's live hold on an offer: a retried purchase answers it instead of a second one. */
    { on: ["offer_id", "customer_id"], where: "status = 'HELD'" },
  ])

export default OfferHold
