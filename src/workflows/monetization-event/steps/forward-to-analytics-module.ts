import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { MonetizationEventInput } from "../../../modules/monetization-event/types"
import { forwardToAnalyticsModule } from "../utils/forward-to-analytics-module"

export type ForwardToAnalyticsModuleInput = {
  events: MonetizationEventInput[]
  inserted_client_event_ids: string[]
}

export const forwardToAnalyticsModuleStep = createStep(
  "forward-to-analytics-module",
  async (input: ForwardToAnalyticsModuleInput, { container }) => {
    const forwarded = await forwardToAnalyticsModule(container, input.events, input.inserted_client_event_ids)
    return new StepResponse({ forwarded })
  }
)
