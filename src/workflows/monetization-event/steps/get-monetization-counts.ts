import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { MONETIZATION_EVENT_MODULE } from "../../../modules/monetization-event"
import type { DayRange } from "../../../modules/monetization-event/analytics-types"
import type MonetizationEventModuleService from "../../../modules/monetization-event/service"

/** Reads an event's rollup counts per type and entity, and the average waitlist wait, for a day range. */
export const getMonetizationCountsStep = createStep(
  "get-monetization-counts",
  async (range: DayRange, { container }) => {
    const service = container.resolve<MonetizationEventModuleService>(MONETIZATION_EVENT_MODULE)
    const counts = await service.countEventsByEntity(range)
    // The raw-event read is skipped when the rollup says nothing was accepted.
    const accepted = counts.some((row) => row.type === "WAITLIST_OFFER_ACCEPT" && row.count > 0)
    const wait = accepted ? await service.averageWaitlistWaitMinutes(range) : { average_minutes: null, samples: 0 }
    return new StepResponse({ counts, wait })
  }
)
