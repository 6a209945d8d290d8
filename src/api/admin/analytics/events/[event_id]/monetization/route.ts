import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { getMonetizationDashboardWorkflow } from "../../../../../../workflows/monetization-event/workflows/get-monetization-dashboard"
import type { AdminGetMonetizationDashboardParamsType } from "../../../validators"
import type { MonetizationDashboard } from "../../../../../../types/analytics"

/** An event's monetization dashboard for a range of UTC days (default: the last 30). */
export const GET = async (
  req: AuthenticatedMedusaRequest<unknown, AdminGetMonetizationDashboardParamsType>,
  res: MedusaResponse<MonetizationDashboard>
) => {
  const { date_from, date_to } = req.validatedQuery as AdminGetMonetizationDashboardParamsType
  const { result } = await getMonetizationDashboardWorkflow(req.scope).run({
    input: { event_id: req.params.event_id, date_from, date_to },
  })
  res.json(result)
}
