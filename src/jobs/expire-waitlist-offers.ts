import type { MedusaContainer } from "@medusajs/framework/types"
import { expireWaitlistOffersWorkflow, reconcileWaitlists } from "../workflows/waitlist"

/**
 * Every minute: expire lapsed offers (the subscriber tells the customers), then offer any
 * free seat a missed event left behind.
 */
export default async function expireWaitlistOffersJob(container: MedusaContainer) {
  await expireWaitlistOffersWorkflow(container).run()
  await reconcileWaitlists(container)
}

export const config = {
  name: "expire-waitlist-offers",
  schedule: "* * * * *",
}
