import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { WAITLIST_MODULE } from "../../../modules/waitlist"
import type WaitlistModuleService from "../../../modules/waitlist/service"
import type { WaitlistEntryRow, WaitlistStatus } from "../../../modules/waitlist/types"
import { lapseCheckouts } from "../utils/lapse-checkouts"

export type ExpiredWaitlistEntry = WaitlistEntryRow & { reason: string }

/** Expires every lapsed offer and every accepted seat not checked out in time (all sessions). */
export const expireWaitlistOffersStep = createStep(
  "expire-waitlist-offers",
  async (_: void, { container }) => {
    const service: WaitlistModuleService = container.resolve(WAITLIST_MODULE)
    const offers = await service.expireLapsedOffers(null)
    const checkouts = await lapseCheckouts(container, null)
    const expired: ExpiredWaitlistEntry[] = [
      ...offers.map((entry) => ({ ...entry, reason: "offer_lapsed" })),
      ...checkouts.map((entry) => ({ ...entry, reason: "checkout_not_completed" })),
    ]
    return new StepResponse(
      expired,
      expired.map((entry) => ({ entry_id: entry.id, status: entry.status as WaitlistStatus }))
    )
  },
  async (previous, { container }) => {
    if (previous?.length) {
      const service: WaitlistModuleService = container.resolve(WAITLIST_MODULE)
      await service.restoreStatuses(previous)
    }
  }
)
