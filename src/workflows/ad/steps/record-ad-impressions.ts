import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { AD_MODULE } from "../../../modules/ad"
import type AdModuleService from "../../../modules/ad/service"
import { AdImpressionInput } from "../../../modules/ad/types"

/** Stores impressions, deduplicated by client id; a viewable re-report upgrades the stored one. */
export const recordAdImpressionsStep = createStep(
  "record-ad-impressions",
  async (impressions: AdImpressionInput[], { container }) => {
    const service: AdModuleService = container.resolve(AD_MODULE)
    const result = await service.ingestImpressions(impressions)
    return new StepResponse(result, {
      inserted: result.rows.filter((row) => row.inserted).map((row) => row.id),
      upgraded: result.rows.filter((row) => !row.inserted).map((row) => row.id),
    })
  },
  async (compensation, { container }) => {
    if (!compensation) {
      return
    }
    const service: AdModuleService = container.resolve(AD_MODULE)
    await service.removeImpressions(compensation.inserted)
    await service.downgradeImpressions(compensation.upgraded)
  }
)
