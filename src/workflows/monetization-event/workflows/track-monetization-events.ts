import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { MonetizationEventInput } from "../../../modules/monetization-event/types"
import { ingestMonetizationEventsStep } from "../steps/ingest-monetization-events"

export type TrackMonetizationEventsInput = { events: MonetizationEventInput[] }

/** Records monetization events from the storefront or from the plugin itself. */
export const trackMonetizationEventsWorkflow = createWorkflow(
  "track-monetization-events",
  (input: TrackMonetizationEventsInput) => {
    const result = ingestMonetizationEventsStep(input.events)
    return new WorkflowResponse(result)
  }
)
