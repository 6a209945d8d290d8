import { defineLink } from "@medusajs/framework/utils"
import ProductModule from "@medusajs/medusa/product"
import OfferModule from "../modules/offer"

/** The variant an offer sells, readable through Query (`offer.product_variant`). */
export default defineLink(
  { linkable: OfferModule.linkable.offer, field: "variant_id" },
  ProductModule.linkable.productVariant,
  { readOnly: true }
)
