import { defineLink } from "@medusajs/framework/utils"
import ProductModule from "@medusajs/medusa/product"
import AdModule from "../modules/ad"

/** The event an ad runs at, readable through Query (`ad.product`). */
export default defineLink(
  { linkable: AdModule.linkable.ad, field: "event_id" },
  ProductModule.linkable.product,
  { readOnly: true }
)
