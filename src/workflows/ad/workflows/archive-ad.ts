import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { archiveAdStep } from "../steps/archive-ad"

export type ArchiveAdWorkflowInput = { id: string }

/** Archives a sponsor ad (what DELETE /admin/ads/:id does). */
export const archiveAdWorkflow = createWorkflow("archive-ad", (input: ArchiveAdWorkflowInput) => {
  return new WorkflowResponse(archiveAdStep(input.id))
})
