import { createWorkflow, parallelize, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { useQueryGraphStep } from "@medusajs/medusa/core-flows"
import type { DayRange } from "../../../modules/monetization-event/analytics-types"
import { buildMonetizationDashboard } from "../dashboard/build-dashboard"
import { defaultStoreCurrency, STORE_CURRENCY_FIELDS } from "../revenue/currency"
import { getAdRevenueStep } from "../steps/get-ad-revenue"
import { getMonetizationCountsStep } from "../steps/get-monetization-counts"
import { getOfferRevenueStep } from "../steps/get-offer-revenue"
import { getPerformerNamesStep } from "../steps/get-performer-names"

export type GetMonetizationDashboardInput = DayRange

/** Builds an event's monetization dashboard: rollup counts plus revenue from orders and ad price models. */
export const getMonetizationDashboardWorkflow = createWorkflow(
  "get-monetization-dashboard",
  (input: GetMonetizationDashboardInput) => {
    const names = getPerformerNamesStep(input)
    const countsInput = transform({ input, names }, ({ input, names }) => ({
      range: { event_id: input.event_id, date_from: input.date_from, date_to: input.date_to },
      entity_ids: Object.keys(names),
    }))
    const [counts, offerRevenue, adRevenue, stores] = parallelize(
      getMonetizationCountsStep(countsInput),
      getOfferRevenueStep(input),
      getAdRevenueStep(input),
      useQueryGraphStep({ entity: "store", fields: STORE_CURRENCY_FIELDS }).config({ name: "get-store-currencies" })
    )
    const defaultCurrency = transform({ stores }, ({ stores }) => defaultStoreCurrency(stores.data))
    const dashboard = transform(
      { input, counts, offerRevenue, adRevenue, defaultCurrency, names },
      ({ input, counts, offerRevenue, adRevenue, defaultCurrency, names }) =>
        buildMonetizationDashboard({
          range: { event_id: input.event_id, date_from: input.date_from, date_to: input.date_to },
          counts: counts.counts,
          totals: counts.totals,
          wait: counts.wait,
          offer_revenue: offerRevenue,
          ad_revenue: adRevenue,
          default_currency: defaultCurrency,
          names,
        })
    )
    return new WorkflowResponse(dashboard)
  }
)
