import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MONETIZATION_EVENT_MODULE } from "../../../../../../../modules/monetization-event"
import type MonetizationEventModuleService from "../../../../../../../modules/monetization-event/service"
import { MONETIZATION_EVENT_TYPES } from "../../../../../../../modules/monetization-event/types"
import { countOfferHoldsByDay } from "../../../../../../../workflows/monetization-event/server-facts/offer-holds"
import type { AdminGetMonetizationDashboardParamsType } from "../../../../validators"

const DAY_MS = 86_400_000

/**
 * Daily counts per event type as CSV: one row per UTC day of the range, one column per type.
 * Add-to-cart is the offers' holds, as on the dashboard.
 */
export const GET = async (
  req: AuthenticatedMedusaRequest<unknown, AdminGetMonetizationDashboardParamsType>,
  res: MedusaResponse
) => {
  const { date_from, date_to } = req.validatedQuery as AdminGetMonetizationDashboardParamsType
  const productId = req.params.event_id
  const service = req.scope.resolve<MonetizationEventModuleService>(MONETIZATION_EVENT_MODULE)
  const range = { event_id: productId, date_from, date_to }
  const [rollup, holds] = await Promise.all([service.countEventsByDay(range), countOfferHoldsByDay(req.scope, range)])
  const rows = [...rollup.filter((row) => row.type !== "OFFER_ADD_TO_CART"), ...holds]

  const counts = new Map(rows.map((row) => [`${row.day}|${row.type}`, row.count]))
  const lines = [["date", ...MONETIZATION_EVENT_TYPES].join(",")]
  for (let day = Date.parse(date_from); day <= Date.parse(date_to); day += DAY_MS) {
    const date = new Date(day).toISOString().slice(0, 10)
    lines.push([date, ...MONETIZATION_EVENT_TYPES.map((type) => counts.get(`${date}|${type}`) ?? 0)].join(","))
  }

  // The id goes into a header: keep only characters that cannot break it.
  const safeId = productId.replace(/[^A-Za-z0-9_-]/g, "_")
  res.setHeader("Content-Type", "text/csv; charset=utf-8")
  res.setHeader("Content-Disposition", `attachment; filename="monetization-${safeId}-${date_from}-${date_to}.csv"`)
  res.status(200).send(`${lines.join("\r\n")}\r\n`)
}
