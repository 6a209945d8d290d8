import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { setWaitlistEnabledWorkflow } from "../../../../../workflows/waitlist"
import { AdminWaitlistSettingsType } from "../../../sessions/validators"

/** Enables or disables waitlists for every session of the event product (a session's own setting wins). */
export const POST = async (req: AuthenticatedMedusaRequest<AdminWaitlistSettingsType>, res: MedusaResponse) => {
  const { result } = await setWaitlistEnabledWorkflow(req.scope).run({
    input: { scope: "product", ref_id: req.params.event_id, enabled: req.validatedBody.enabled },
  })
  res.json({ waitlist_setting: { event_id: result.ref_id, enabled: result.enabled } })
}
