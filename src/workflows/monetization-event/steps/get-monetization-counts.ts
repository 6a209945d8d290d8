import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { MONETIZATION_EVENT_MODULE } from "../../../modules/monetization-event"
import type { DayRange } from "../../../modules/monetization-event/analytics-types"
import type MonetizationEventModuleService from "../../../modules/monetization-event/service"
import { countOfferHolds } from "../server-facts/offer-holds"
import { computeWaitlistWait } from "../server-facts/waitlist-wait"

export type GetMonetizationCountsInput = { range: DayRange; entity_ids: string[] }

/**
 * Reads an event's counts for a day range: totals per type and, per entity, the counts of the
 * given entities (the event's offers and ads) from the rollup (client views and clicks, and the
 * facts the server recorded); add-to-cart from the offers' holds; the average waitlist wait from
 * the waitlist's rows.
 */
export const getMonetizationCountsStep = createStep(
  "get-monetization-counts",
  async ({ range, entity_ids }: GetMonetizationCountsInput, { container }) => {
    const service = container.resolve<MonetizationEventModuleService>(MONETIZATION_EVENT_MODULE)
    const [rollup, totals, holds] = await Promise.all([
      service.countEventsByEntity(range, entity_ids),
      service.countEventsByType(range),
      countOfferHolds(container, range),
    ])
    const counts = [...rollup.filter((row) => row.type !== "OFFER_ADD_TO_CART"), ...holds]
    totals.OFFER_ADD_TO_CART = holds.reduce((sum, row) => sum + row.count, 0)
    const wait = await computeWaitlistWait(container, range)
    return new StepResponse({ counts, totals, wait })
  }
)
