import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { WAITLIST_MODULE } from "../../../modules/waitlist"
import type WaitlistModuleService from "../../../modules/waitlist/service"
import { OfferedSeat, WaitlistEntryRow } from "../../../modules/waitlist/types"
import { getSessionInventory, withSessionLock } from "../utils/session-inventory"

export type OfferWaitlistSeatsStepInput = {
  session_id: string
  /** At most this many seats; all free seats when omitted. Never more than are free. */
  count?: number | null
}

export type OfferWaitlistSeatsStepOutput = { offered: OfferedSeat[]; expired: WaitlistEntryRow[] }

/**
 * Under the session lock: expires lapsed offers, then offers every free seat (stock not
 * reserved and not already held) to the next WAITING entries.
 */
export const offerWaitlistSeatsStep = createStep(
  "offer-waitlist-seats",
  async (input: OfferWaitlistSeatsStepInput, { container }) => {
    const service: WaitlistModuleService = container.resolve(WAITLIST_MODULE)
    const result = await withSessionLock(container, input.session_id, async () => {
      const expired = await service.expireLapsedOffers(input.session_id)
      const inventory = await getSessionInventory(container, input.session_id)
      const seats = input.count == null ? inventory.offerable : Math.min(input.count, inventory.offerable)
      const offered = await service.offerSeats({ session_id: input.session_id, seats })
      return { offered, expired }
    })
    return new StepResponse<OfferWaitlistSeatsStepOutput, string[]>(
      result,
      result.offered.map((seat) => seat.entry_id)
    )
  },
  async (entryIds, { container }) => {
    if (entryIds?.length) {
      const service: WaitlistModuleService = container.resolve(WAITLIST_MODULE)
      await service.revertOffers(entryIds)
    }
  }
)
