import type { MedusaContainer } from "@medusajs/framework/types"
import { releaseExpiredOfferHoldsWorkflow } from "../workflows/offer/workflows/release-expired-offer-holds"

/** Every minute: gives the units of expired offer holds back to their offers. */
export default async function releaseExpiredOfferHoldsJob(container: MedusaContainer) {
  await releaseExpiredOfferHoldsWorkflow(container).run({ input: {} })
}

export const config = {
  name: "release-expired-offer-holds",
  schedule: "* * * * *",
}
