import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { WAITLIST_MODULE } from "../../../modules/waitlist"
import type WaitlistModuleService from "../../../modules/waitlist/service"
import { listSessionCapacities } from "../../../workflows/waitlist"
import type { AdminGetWaitlistsParamsType } from "../sessions/validators"
import type { AdminWaitlistListResponse, AdminWaitlistSummary } from "../../../types/waitlists"

/** Per-session summary of a page of waitlists: the session's seats, counts by status and seats held. */
export const GET = async (req: AuthenticatedMedusaRequest<unknown, AdminGetWaitlistsParamsType>, res: MedusaResponse<AdminWaitlistListResponse>) => {
  const waitlist: WaitlistModuleService = req.scope.resolve(WAITLIST_MODULE)
  const { limit, offset } = req.validatedQuery as AdminGetWaitlistsParamsType
  const { rows: summaries, count } = await waitlist.summarizePage({ limit, offset })
  const capacities = await listSessionCapacities(
    req.scope,
    summaries.map((row) => row.session_id as string)
  )
  const waitlists = summaries.map((row): AdminWaitlistSummary => {
    const seats = capacities.get(row.session_id as string)
    return {
      ...(row as Omit<AdminWaitlistSummary, "product_id" | "title" | "capacity" | "sold" | "offerable">),
      product_id: seats?.product_id ?? null,
      title: seats?.title ?? null,
      capacity: seats?.capacity ?? null,
      sold: seats?.sold ?? null,
      offerable: seats ? Math.max(0, seats.unreserved - Number(row.held)) : null,
    }
  })
  res.json({ waitlists, count, offset, limit })
}
