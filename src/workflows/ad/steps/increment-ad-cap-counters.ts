import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { AD_MODULE } from "../../../modules/ad"
import type AdModuleService from "../../../modules/ad/service"
import type { CapIncrement } from "../../../modules/ad/service"

/** Counts new valid impressions toward frequency caps in Redis; a no-op when caps are counted in Postgres. */
export const incrementAdCapCountersStep = createStep(
  "increment-ad-cap-counters",
  async (increments: CapIncrement[], { container }) => {
    const service: AdModuleService = container.resolve(AD_MODULE)
    const keys = await service.incrementCapCounters(increments)
    return new StepResponse(keys.length, keys)
  },
  async (keys, { container }) => {
    if (!keys?.length) {
      return
    }
    const service: AdModuleService = container.resolve(AD_MODULE)
    await service.decrementCapCounters(keys)
  }
)
