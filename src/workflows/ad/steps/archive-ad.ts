import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { AD_MODULE } from "../../../modules/ad"
import type AdModuleService from "../../../modules/ad/service"
import { AdDTO } from "../../../modules/ad/types"

/** Archives an ad: it stops serving at once, its delivery history stays for reporting. */
export const archiveAdStep = createStep(
  "archive-ad",
  async (id: string, { container }) => {
    const service: AdModuleService = container.resolve(AD_MODULE)
    const current = (await service.retrieveAd(id)) as unknown as AdDTO
    await service.updateAds({ id, is_archived: true, is_active: false })
    await service.invalidateEligibleCache()
    return new StepResponse({ id }, { id, is_archived: current.is_archived, is_active: current.is_active })
  },
  async (previous, { container }) => {
    if (!previous) {
      return
    }
    const service: AdModuleService = container.resolve(AD_MODULE)
    await service.updateAds(previous)
    await service.invalidateEligibleCache()
  }
)
