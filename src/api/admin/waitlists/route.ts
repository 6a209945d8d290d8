import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { WAITLIST_MODULE } from "../../../modules/waitlist"
import type WaitlistModuleService from "../../../modules/waitlist/service"
import { listSessionCapacities } from "../../../workflows/waitlist"

/** Per-session summary of every waitlist: the session's seats, counts by status and seats held. */
export const GET = async (req: MedusaRequest, res: MedusaResponse) => {
  const waitlist: WaitlistModuleService = req.scope.resolve(WAITLIST_MODULE)
  const summaries = await waitlist.summarize(null)
  const capacities = await listSessionCapacities(
    req.scope,
    summaries.map((row) => row.session_id as string)
  )
  const waitlists = summaries.map((row) => {
    const seats = capacities.get(row.session_id as string)
    return {
      ...row,
      product_id: seats?.product_id ?? null,
      title: seats?.title ?? null,
      capacity: seats?.capacity ?? null,
      sold: seats?.sold ?? null,
      offerable: seats ? Math.max(0, seats.unreserved - Number(row.held)) : null,
    }
  })
  res.json({ waitlists, count: waitlists.length, offset: 0, limit: waitlists.length })
}
