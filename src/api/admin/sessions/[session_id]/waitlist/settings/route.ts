import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { setWaitlistEnabledWorkflow } from "../../../../../../workflows/waitlist"
import { AdminWaitlistSettingsType } from "../../../validators"
import type { AdminSessionWaitlistSettingResponse } from "../../../../../../types/waitlists"

/** Enables or disables the session's waitlist (`enabled: null`: follow the product's setting). */
export const POST = async (req: AuthenticatedMedusaRequest<AdminWaitlistSettingsType>, res: MedusaResponse<AdminSessionWaitlistSettingResponse>) => {
  const { result } = await setWaitlistEnabledWorkflow(req.scope).run({
    input: { scope: "session", ref_id: req.params.session_id, enabled: req.validatedBody.enabled },
  })
  res.json({ waitlist_setting: { session_id: result.ref_id, enabled: result.enabled } })
}
