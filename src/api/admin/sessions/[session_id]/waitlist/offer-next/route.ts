import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { offerNextWaitlistSeatsWorkflow } from "../../../../../../workflows/waitlist"
import { AdminOfferNextWaitlistSeatsType } from "../../../validators"
import type { AdminOfferNextResponse } from "../../../../../../types/waitlists"

/** Offers up to `count` free seats to the next customers in line (never more than are free). */
export const POST = async (req: AuthenticatedMedusaRequest<AdminOfferNextWaitlistSeatsType>, res: MedusaResponse<AdminOfferNextResponse>) => {
  const { result } = await offerNextWaitlistSeatsWorkflow(req.scope).run({
    input: { session_id: req.params.session_id, count: req.validatedBody.count },
  })
  res.json(result)
}
