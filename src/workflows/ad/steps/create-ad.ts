import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { AD_MODULE } from "../../../modules/ad"
import { assertValidAdConfig } from "../../../modules/ad/lib/validate-ad"
import type AdModuleService from "../../../modules/ad/service"
import { AdDTO } from "../../../modules/ad/types"

export type CreateAdStepInput = Omit<
  AdDTO,
  "id" | "is_archived" | "aspect_ratio" | "sponsor_name" | "frequency_cap" | "starts_at" | "ends_at"
> &
  Partial<Pick<AdDTO, "aspect_ratio" | "sponsor_name" | "frequency_cap" | "starts_at" | "ends_at">>

/** Creates an ad and drops the serving cache so it can be served at once. */
export const createAdStep = createStep(
  "create-ad",
  async (input: CreateAdStepInput, { container }) => {
    const service: AdModuleService = container.resolve(AD_MODULE)
    assertValidAdConfig(input)
    const created = await service.createAds({
      ...input,
      // json columns are typed as objects; these hold arrays.
      placements: input.placements as unknown as Record<string, unknown>,
      target_sessions: input.target_sessions as unknown as Record<string, unknown>,
      starts_at: input.starts_at ? new Date(input.starts_at) : null,
      ends_at: input.ends_at ? new Date(input.ends_at) : null,
    })
    await service.invalidateEligibleCache()
    return new StepResponse(created as unknown as AdDTO, created.id)
  },
  async (id, { container }) => {
    if (!id) {
      return
    }
    const service: AdModuleService = container.resolve(AD_MODULE)
    await service.deleteAds(id)
    await service.invalidateEligibleCache()
  }
)
