import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import type { DayRange } from "../../../modules/monetization-event/analytics-types"
import { computeAdRevenue } from "../revenue/ad-revenue"

/** Sponsor revenue of an event's ads from their price models (none without the ads module). */
export const getAdRevenueStep = createStep("get-ad-revenue", async (range: DayRange, { container }) => {
  return new StepResponse(await computeAdRevenue(container, range))
})
