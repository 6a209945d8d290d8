import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { MonetizationEventInput } from "../../../modules/monetization-event/types"
import { forwardToAnalyticsModuleStep } from "../steps/forward-to-analytics-module"
import { ingestMonetizationEventsStep } from "../steps/ingest-monetization-events"

export type TrackMonetizationEventsInput = { events: MonetizationEventInput[] }

/** Records monetization events from the storefront or from the plugin itself, then forwards the new ones. */
export const trackMonetizationEventsWorkflow = createWorkflow(
  "track-monetization-events",
  (input: TrackMonetizationEventsInput) => {
    const result = ingestMonetizationEventsStep(input.events)
    const forwardInput = transform({ input, result }, ({ input, result }) => ({
      events: input.events,
      inserted_client_event_ids: result.inserted_client_event_ids,
    }))
    forwardToAnalyticsModuleStep(forwardInput)
    return new WorkflowResponse(result)
  }
)
