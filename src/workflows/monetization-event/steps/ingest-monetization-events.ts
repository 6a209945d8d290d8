import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { MONETIZATION_EVENT_MODULE } from "../../../modules/monetization-event"
import type MonetizationEventModuleService from "../../../modules/monetization-event/service"
import { MonetizationEventInput } from "../../../modules/monetization-event/types"

/** Stores a batch of monetization events, deduplicated by client id. */
export const ingestMonetizationEventsStep = createStep(
  "ingest-monetization-events",
  async (events: MonetizationEventInput[], { container }) => {
    const service: MonetizationEventModuleService = container.resolve(MONETIZATION_EVENT_MODULE)
    const result = await service.ingest(events)
    return new StepResponse(result, result.inserted_ids)
  },
  async (insertedIds, { container }) => {
    if (!insertedIds?.length) {
      return
    }
    const service: MonetizationEventModuleService = container.resolve(MONETIZATION_EVENT_MODULE)
    await service.removeIngested(insertedIds)
  }
)
