import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { WAITLIST_MODULE } from "../../../modules/waitlist"
import type WaitlistModuleService from "../../../modules/waitlist/service"

/** Expires every lapsed offer (all sessions); answers the expired entries. */
export const expireWaitlistOffersStep = createStep("expire-waitlist-offers", async (_: void, { container }) => {
  const service: WaitlistModuleService = container.resolve(WAITLIST_MODULE)
  const expired = await service.expireLapsedOffers(null)
  return new StepResponse(
    expired,
    expired.map((entry) => entry.id)
  )
}, async (entryIds, { container }) => {
  if (entryIds?.length) {
    const service: WaitlistModuleService = container.resolve(WAITLIST_MODULE)
    await service.updateWaitlistEntries(entryIds.map((id) => ({ id, status: "OFFERED" as const })))
  }
})
