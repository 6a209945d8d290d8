import { defineLink } from "@medusajs/framework/utils"
import ProductModule from "@medusajs/medusa/product"
import WaitlistModule from "../modules/waitlist"

/** The session (a capacity-limited variant) an entry waits for, readable through Query (`waitlist_entry.product_variant`). */
export default defineLink(
  { linkable: WaitlistModule.linkable.waitlistEntry, field: "session_id" },
  ProductModule.linkable.productVariant,
  { readOnly: true }
)
