import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { WAITLIST_MODULE } from "../../../modules/waitlist"
import type WaitlistModuleService from "../../../modules/waitlist/service"
import { OfferedSeat } from "../../../modules/waitlist/types"
import { lapseCheckouts } from "../utils/lapse-checkouts"
import { getSessionInventory, withSessionLock } from "../utils/session-inventory"
import type { ExpiredWaitlistEntry } from "./expire-waitlist-offers"

export type OfferWaitlistSeatsStepInput = {
  session_id: string
  /** At most this many seats; all free seats when omitted. Never more than are free. */
  count?: number | null
}

export type OfferWaitlistSeatsStepOutput = { offered: OfferedSeat[]; expired: ExpiredWaitlistEntry[] }

/**
 * Under the session lock: expires lapsed offers and lapsed checkouts, then offers the free
 * seats (stock not reserved and not held) by the offer policy (see planOffers).
 */
export const offerWaitlistSeatsStep = createStep(
  "offer-waitlist-seats",
  async (input: OfferWaitlistSeatsStepInput, { container }) => {
    const service: WaitlistModuleService = container.resolve(WAITLIST_MODULE)
    const result = await withSessionLock(container, input.session_id, async () => {
      const offers = await service.expireLapsedOffers(input.session_id)
      const checkouts = await lapseCheckouts(container, input.session_id)
      const expired: ExpiredWaitlistEntry[] = [
        ...offers.map((entry) => ({ ...entry, reason: "offer_lapsed" })),
        ...checkouts.map((entry) => ({ ...entry, reason: "checkout_not_completed" })),
      ]
      const inventory = await getSessionInventory(container, input.session_id)
      const seats = input.count == null ? inventory.offerable : Math.min(input.count, inventory.offerable)
      const offered = await service.offerSeats({ session_id: input.session_id, seats, unreserved: inventory.unreserved })
      return { offered, expired }
    })
    return new StepResponse<OfferWaitlistSeatsStepOutput, { entry_id: string; quantity: number }[]>(
      result,
      result.offered.map((seat) => ({ entry_id: seat.entry_id, quantity: seat.wanted }))
    )
  },
  async (offers, { container }) => {
    if (offers?.length) {
      const service: WaitlistModuleService = container.resolve(WAITLIST_MODULE)
      await service.revertOffers(offers)
    }
  }
)
