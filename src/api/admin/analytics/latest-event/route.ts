import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MONETIZATION_EVENT_MODULE } from "../../../../modules/monetization-event"
import type MonetizationEventModuleService from "../../../../modules/monetization-event/service"
import { CLIENT_EVENT_TYPES } from "../../../../modules/monetization-event/types"
import type { AdminLatestAnalyticsEventResponse } from "../../../../types/analytics"

/**
 * The event the dashboard opens on: the one with the most recent day of server-recorded facts
 * (client reports are left out: anyone with the publishable key can name any event_id).
 * Read from the daily rollups, so it stays cheap however many raw events there are.
 */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse<AdminLatestAnalyticsEventResponse>) => {
  const service: MonetizationEventModuleService = req.scope.resolve(MONETIZATION_EVENT_MODULE)
  const [latest] = await service.listMonetizationEventDailies(
    { event_id: { $ne: "" }, type: { $nin: [...CLIENT_EVENT_TYPES] } },
    { take: 1, select: ["event_id", "day"], order: { day: "DESC", updated_at: "DESC" } }
  )
  res.json({ event_id: latest?.event_id ?? null })
}
