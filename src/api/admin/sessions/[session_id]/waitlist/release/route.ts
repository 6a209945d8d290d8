import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { endWaitlistEntriesWorkflow } from "../../../../../../workflows/waitlist"
import { AdminWaitlistEntryIdsType } from "../../../validators"
import type { AdminReleaseWaitlistEntriesResponse } from "../../../../../../types/waitlists"

/** Releases held seats (open offers, accepted carts not ordered); they are offered on automatically. */
export const POST = async (req: AuthenticatedMedusaRequest<AdminWaitlistEntryIdsType>, res: MedusaResponse<AdminReleaseWaitlistEntriesResponse>) => {
  const { result } = await endWaitlistEntriesWorkflow(req.scope).run({
    input: { session_id: req.params.session_id, entry_ids: req.validatedBody.entry_ids, action: "release" },
  })
  res.json({ released: result, count: result.length })
}
