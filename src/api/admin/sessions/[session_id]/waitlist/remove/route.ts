import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { endWaitlistEntriesWorkflow } from "../../../../../../workflows/waitlist"
import { AdminWaitlistEntryIdsType } from "../../../validators"
import type { AdminRemoveWaitlistEntriesResponse } from "../../../../../../types/waitlists"

/** Takes entries off the list; a seat one of them held is offered on automatically. */
export const POST = async (req: AuthenticatedMedusaRequest<AdminWaitlistEntryIdsType>, res: MedusaResponse<AdminRemoveWaitlistEntriesResponse>) => {
  const { result } = await endWaitlistEntriesWorkflow(req.scope).run({
    input: { session_id: req.params.session_id, entry_ids: req.validatedBody.entry_ids, action: "remove" },
  })
  res.json({ removed: result, count: result.length })
}
