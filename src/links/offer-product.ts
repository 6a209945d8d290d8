import { defineLink } from "@medusajs/framework/utils"
import ProductModule from "@medusajs/medusa/product"
import OfferModule from "../modules/offer"

/** The event an offer belongs to, readable through Query (`offer.product`). */
export default defineLink(
  { linkable: OfferModule.linkable.offer, field: "event_id" },
  ProductModule.linkable.product,
  { readOnly: true }
)
