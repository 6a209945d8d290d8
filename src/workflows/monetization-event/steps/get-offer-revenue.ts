import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import type { DayRange } from "../../../modules/monetization-event/analytics-types"
import { computeOfferRevenue } from "../revenue/offer-revenue"

/** Net offer revenue of an event from offer purchases and their orders' refunds (none without the offers module). */
export const getOfferRevenueStep = createStep("get-offer-revenue", async (range: DayRange, { container }) => {
  return new StepResponse(await computeOfferRevenue(container, range))
})
