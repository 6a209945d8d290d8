import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { withDeliveryStats } from "../../../ads/helpers"
import { ADMIN_AD_FIELDS } from "../../../ads/query-config"
import type { AdminGetEventMonetizationParamsType } from "../../../sessions/validators"
import type { AdminEventMonetizationResponse } from "../../../../../types/events"
import { OFFER_FIELDS, formatOffer } from "../../../../utils/offers"

/** Everything sold around one event: a page of its offers (with stock), ads and A/B tests, with their counts. */
export const GET = async (
  req: AuthenticatedMedusaRequest<unknown, AdminGetEventMonetizationParamsType>,
  res: MedusaResponse<AdminEventMonetizationResponse>
) => {
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const productId = req.params.event_id
  const { limit, offset } = req.validatedQuery as AdminGetEventMonetizationParamsType
  const page = { skip: offset, take: limit }
  const [offers, experiments, ads] = await Promise.all([
    query.graph({
      entity: "offer",
      fields: OFFER_FIELDS,
      filters: { event_id: productId },
      pagination: { ...page, order: { created_at: "DESC", id: "DESC" } },
    }),
    query.graph({
      entity: "ab_experiment",
      fields: ["id", "test_id", "event_id", "name", "status", "started_at", "stopped_at", "winner_variant_id"],
      filters: { event_id: productId },
      pagination: { ...page, order: { created_at: "DESC", id: "DESC" } },
    }),
    query.graph({
      entity: "ad",
      fields: ADMIN_AD_FIELDS,
      filters: { event_id: productId },
      pagination: { ...page, order: { created_at: "DESC", id: "DESC" } },
    }),
  ])
  res.json({
    event_id: productId,
    offers: offers.data.map(formatOffer),
    ads: await withDeliveryStats(req.scope, ads.data),
    experiments: experiments.data,
    counts: {
      offers: offers.metadata?.count ?? offers.data.length,
      ads: ads.metadata?.count ?? ads.data.length,
      experiments: experiments.metadata?.count ?? experiments.data.length,
    },
    offset,
    limit,
  })
}
