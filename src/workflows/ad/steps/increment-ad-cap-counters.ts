import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { AD_MODULE } from "../../../modules/ad"
import type AdModuleService from "../../../modules/ad/service"
import type { CapIncrement } from "../../../modules/ad/service"

/** Counts new valid impressions toward frequency caps (Redis, else this process while it is down); a no-op when caps are counted in Postgres. */
export const incrementAdCapCountersStep = createStep(
  "increment-ad-cap-counters",
  async (increments: CapIncrement[], { container }) => {
    const service: AdModuleService = container.resolve(AD_MODULE)
    const counted = await service.incrementCapCounters(increments)
    return new StepResponse(counted.length, counted)
  },
  async (counted, { container }) => {
    if (!counted?.length) {
      return
    }
    const service: AdModuleService = container.resolve(AD_MODULE)
    await service.decrementCapCounters(counted)
  }
)
