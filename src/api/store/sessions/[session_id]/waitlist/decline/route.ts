import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { declineWaitlistOfferWorkflow } from "../../../../../../workflows/waitlist"
import { serializeEntry } from "../../../helpers"
import { StoreWaitlistTokenType } from "../../../validators"
import type { StoreWaitlistEntryResponse } from "../../../../../../types/waitlists"

/** Declines the offer; the seat passes to the next customer in line. */
export const POST = async (req: AuthenticatedMedusaRequest<StoreWaitlistTokenType>, res: MedusaResponse<StoreWaitlistEntryResponse>) => {
  const { result } = await declineWaitlistOfferWorkflow(req.scope).run({
    input: {
      session_id: req.params.session_id,
      customer_id: req.auth_context.actor_id,
      join_token: req.validatedBody.join_token,
    },
  })
  res.json({ waitlist_entry: await serializeEntry(req.scope, result) })
}
