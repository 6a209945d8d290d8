import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { AD_MODULE } from "../../../modules/ad"
import { buildDeliveryStats } from "../../../modules/ad/lib/pricing"
import type AdModuleService from "../../../modules/ad/service"
import { AdPricingModel } from "../../../modules/ad/types"
import { ADMIN_AD_FIELDS } from "./query-config"
import type { AdminAd } from "../../../types/ads"

type AdRow = { id: string; pricing_model?: AdPricingModel; rate?: number | string } & Record<string, unknown>

/** Adds `stats` (delivery counts, CTRs, sponsor revenue) to each ad; the counts come from one GROUP BY per table. */
export async function withDeliveryStats<T extends AdRow>(container: MedusaContainer, ads: T[]) {
  const service: AdModuleService = container.resolve(AD_MODULE)
  const counts = await service.deliveryCounts(ads.map((ad) => ad.id))
  const empty = {
    impressions: 0,
    viewable_impressions: 0,
    clicks: 0,
    ivt_impressions: 0,
    ivt_clicks: 0,
    ivt_reasons: { impressions: {}, clicks: {} },
  }
  return ads.map((ad) => ({
    ...ad,
    stats: buildDeliveryStats(ad.pricing_model ?? "FLAT", Number(ad.rate ?? 0), counts[ad.id] ?? empty),
  }))
}

/** Re-reads an ad with Query and its stats; 404 when there is none. */
export async function refetchAd(container: MedusaContainer, id: string, fields: string[] = ADMIN_AD_FIELDS): Promise<AdminAd> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const queryFields = [...new Set([...fields, "id", "pricing_model", "rate"])]
  const { data } = await query.graph({ entity: "ad", fields: queryFields, filters: { id } })
  if (!data.length) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Ad with id: ${id} was not found`)
  }
  const [ad] = await withDeliveryStats(container, data as AdRow[])
  // Query's rows are untyped: they are the configured fields, i.e. the HTTP ad.
  return ad as unknown as AdminAd
}
