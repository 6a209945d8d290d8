import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { MONETIZATION_EVENT_MODULE } from "../../../modules/monetization-event"
import type { DayRange } from "../../../modules/monetization-event/analytics-types"
import type MonetizationEventModuleService from "../../../modules/monetization-event/service"
import { countOfferHolds } from "../server-facts/offer-holds"
import { computeWaitlistWait } from "../server-facts/waitlist-wait"

/**
 * Reads an event's counts per type and entity for a day range: the rollup (client views and
 * clicks, and the facts the server recorded), add-to-cart from the offers' holds, and the
 * average waitlist wait from the waitlist's rows.
 */
export const getMonetizationCountsStep = createStep(
  "get-monetization-counts",
  async (range: DayRange, { container }) => {
    const service = container.resolve<MonetizationEventModuleService>(MONETIZATION_EVENT_MODULE)
    const [rollup, holds] = await Promise.all([service.countEventsByEntity(range), countOfferHolds(container, range)])
    const counts = [...rollup.filter((row) => row.type !== "OFFER_ADD_TO_CART"), ...holds]
    const wait = await computeWaitlistWait(container, range)
    return new StepResponse({ counts, wait })
  }
)
