import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { WAITLIST_MODULE } from "../../../modules/waitlist"
import type WaitlistModuleService from "../../../modules/waitlist/service"
import { listSessionCapacities } from "../../../workflows/waitlist"
import type { AdminGetWaitlistsParamsType } from "./validators"

/** Per-session summary of every waitlist, by session id: the session's seats, counts by status and seats held. */
export const GET = async (req: MedusaRequest<unknown, AdminGetWaitlistsParamsType>, res: MedusaResponse) => {
  const { limit, offset } = req.validatedQuery as AdminGetWaitlistsParamsType
  const waitlist: WaitlistModuleService = req.scope.resolve(WAITLIST_MODULE)
  const summaries = await waitlist.summarize(null)
  const page = summaries.slice(offset, offset + limit)
  const capacities = await listSessionCapacities(
    req.scope,
    page.map((row) => row.session_id as string)
  )
  const waitlists = page.map((row) => {
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
  res.json({ waitlists, count: summaries.length, offset, limit })
}
