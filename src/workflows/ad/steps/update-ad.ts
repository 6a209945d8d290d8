import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { AD_MODULE } from "../../../modules/ad"
import { assertValidAdConfig } from "../../../modules/ad/lib/validate-ad"
import type AdModuleService from "../../../modules/ad/service"
import { AdDTO } from "../../../modules/ad/types"

export type UpdateAdStepInput = { id: string; update: Partial<Omit<AdDTO, "id" | "is_archived">> }

/** Updates an ad (not an archived one); the merged result must still satisfy the schedule and cap rules. */
export const updateAdStep = createStep(
  "update-ad",
  async ({ id, update }: UpdateAdStepInput, { container }) => {
    const service: AdModuleService = container.resolve(AD_MODULE)
    const current = (await service.retrieveAd(id)) as unknown as AdDTO
    if (current.is_archived) {
      throw new MedusaError(MedusaError.Types.NOT_ALLOWED, `Ad ${id} is archived and can no longer change`)
    }
    const keys = (Object.keys(update) as (keyof typeof update)[]).filter((key) => update[key] !== undefined)
    assertValidAdConfig({ ...current, ...Object.fromEntries(keys.map((key) => [key, update[key]])) })
    const previous = Object.fromEntries(keys.map((key) => [key, current[key]]))
    const values = Object.fromEntries(
      keys.map((key) => {
        const value = update[key]
        return [key, (key === "starts_at" || key === "ends_at") && value ? new Date(value as string) : value]
      })
    )
    const updated = await service.updateAds({ id, ...values })
    await service.invalidateEligibleCache()
    return new StepResponse(updated as unknown as AdDTO, { id, previous })
  },
  async (compensation, { container }) => {
    if (!compensation) {
      return
    }
    const service: AdModuleService = container.resolve(AD_MODULE)
    await service.updateAds({ id: compensation.id, ...compensation.previous })
    await service.invalidateEligibleCache()
  }
)
