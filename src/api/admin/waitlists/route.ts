import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { WAITLIST_MODULE } from "../../../modules/waitlist"
import type WaitlistModuleService from "../../../modules/waitlist/service"

/** Per-session summary of every waitlist: counts by status and seats held. */
export const GET = async (req: MedusaRequest, res: MedusaResponse) => {
  const waitlist: WaitlistModuleService = req.scope.resolve(WAITLIST_MODULE)
  const waitlists = await waitlist.summarize(null)
  res.json({ waitlists, count: waitlists.length, offset: 0, limit: waitlists.length })
}
