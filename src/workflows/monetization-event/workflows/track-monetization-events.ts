import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { MonetizationEventInput } from "../../../modules/monetization-event/types"
import { forwardToAnalyticsModuleStep } from "../steps/forward-to-analytics-module"
import { ingestMonetizationEventsStep } from "../steps/ingest-monetization-events"

export type TrackMonetizationEventsInput = { events: MonetizationEventInput[] }

/** Records monetization events from the storefront or from the plugin itself, then forwards the new ones. */
export const trackMonetizationEventsWorkflow = createWorkflow(
  "track-monetization-events",
  (input: TrackMonetizationEventsInput) => {
    const result = ingestMonetizationEventsStep(input.events)
    // A plain object, not a transform: a transform deep-copies the whole batch twice more.
    forwardToAnalyticsModuleStep({
      events: input.events,
      inserted_client_event_ids: result.inserted_client_event_ids,
    })
    return new WorkflowResponse(result)
  }
)
