import { AdDeliveryStats, AdPricingModel } from "../types"

type Counts = Pick<
  AdDeliveryStats,
  "impressions" | "viewable_impressions" | "clicks" | "ivt_impressions" | "ivt_clicks" | "ivt_reasons"
>

const round = (value: number, digits: number) => Math.round(value * 10 ** digits) / 10 ** digits

/** Sponsor revenue from the price model: FLAT = rate, CPM = rate × valid impressions / 1000, CPC = rate × valid clicks. */
export function adRevenue(pricing_model: AdPricingModel, rate: number, counts: Pick<Counts, "impressions" | "clicks">) {
  switch (pricing_model) {
    case "CPM":
      return round((rate * counts.impressions) / 1000, 2)
    case "CPC":
      return round(rate * counts.clicks, 2)
    default:
      return round(rate, 2)
  }
}

/** Delivery stats for the admin: rates are fractions (0.05 = 5%), IVT excluded from every rate and from revenue. */
export function buildDeliveryStats(pricing_model: AdPricingModel, rate: number, counts: Counts): AdDeliveryStats {
  return {
    ...counts,
    ctr: counts.impressions ? round(counts.clicks / counts.impressions, 4) : 0,
    viewable_ctr: counts.viewable_impressions ? round(counts.clicks / counts.viewable_impressions, 4) : 0,
    revenue: adRevenue(pricing_model, rate, counts),
  }
}
