import { defineLink } from "@medusajs/framework/utils"
import ProductModule from "@medusajs/medusa/product"
import AbTestModule from "../modules/abtest"

/** The event an A/B test runs on, readable through Query (`ab_experiment.product`). */
export default defineLink(
  { linkable: AbTestModule.linkable.abExperiment, field: "event_id" },
  ProductModule.linkable.product,
  { readOnly: true }
)
