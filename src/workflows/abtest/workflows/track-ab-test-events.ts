import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { ingestAbEventsStep } from "../steps/ingest-ab-events"
import { validateAbEventsStep, ValidateAbEventsStepInput } from "../steps/validate-ab-events"

export type TrackAbTestEventsWorkflowInput = ValidateAbEventsStepInput

/** Records storefront A/B events: rejects those that do not fit their test, stores the rest deduplicated. */
export const trackAbTestEventsWorkflow = createWorkflow(
  "track-ab-test-events",
  (input: TrackAbTestEventsWorkflowInput) => {
    const checked = validateAbEventsStep(input)
    const rows = transform({ checked }, ({ checked }) => checked.rows)
    const stored = ingestAbEventsStep(rows)
    const result = transform({ checked, stored }, ({ checked, stored }) => ({
      accepted: stored.accepted,
      duplicates: stored.duplicates,
      rejected: checked.rejected,
    }))
    return new WorkflowResponse(result)
  }
)
