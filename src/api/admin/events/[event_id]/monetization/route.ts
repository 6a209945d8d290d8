import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { formatOffer } from "../../../offers/helpers"
import { OFFER_FIELDS } from "../../../offers/query-config"
import { withDeliveryStats } from "../../../ads/helpers"
import { ADMIN_AD_FIELDS } from "../../../ads/query-config"

/** Everything sold around one event: its offers (with stock), ads and A/B tests. */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const eventId = req.params.event_id
  const [{ data: offers }, { data: experiments }, { data: ads }] = await Promise.all([
    query.graph({
      entity: "offer",
      fields: OFFER_FIELDS,
      filters: { event_id: eventId },
      pagination: { order: { created_at: "DESC" } },
    }),
    query.graph({
      entity: "ab_experiment",
      fields: ["id", "test_id", "event_id", "name", "status", "started_at", "stopped_at", "winner_variant_id"],
      filters: { event_id: eventId },
    }),
    query.graph({
      entity: "ad",
      fields: ADMIN_AD_FIELDS,
      filters: { event_id: eventId },
      pagination: { order: { created_at: "DESC" } },
    }),
  ])
  res.json({
    event_id: eventId,
    offers: offers.map(formatOffer),
    ads: await withDeliveryStats(req.scope, ads),
    experiments,
  })
}
