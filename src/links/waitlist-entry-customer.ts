import { defineLink } from "@medusajs/framework/utils"
import CustomerModule from "@medusajs/medusa/customer"
import WaitlistModule from "../modules/waitlist"

/** The customer an entry belongs to, readable through Query (`waitlist_entry.customer`). */
export default defineLink(
  { linkable: WaitlistModule.linkable.waitlistEntry, field: "customer_id" },
  CustomerModule.linkable.customer,
  { readOnly: true }
)
