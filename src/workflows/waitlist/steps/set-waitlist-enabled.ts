import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { WAITLIST_MODULE } from "../../../modules/waitlist"
import type WaitlistModuleService from "../../../modules/waitlist/service"

export type SetWaitlistEnabledStepInput = {
  scope: "session" | "product"
  ref_id: string
  /** null clears the setting (a session then follows its product). */
  enabled: boolean | null
}

/** Enables or disables waitlists of a session or of every session of a product. */
export const setWaitlistEnabledStep = createStep(
  "set-waitlist-enabled",
  async (input: SetWaitlistEnabledStepInput, { container }) => {
    const service: WaitlistModuleService = container.resolve(WAITLIST_MODULE)
    const previous = await service.setWaitlistEnabled(input)
    return new StepResponse(input, { scope: input.scope, ref_id: input.ref_id, enabled: previous })
  },
  async (previous, { container }) => {
    if (previous) {
      const service: WaitlistModuleService = container.resolve(WAITLIST_MODULE)
      await service.setWaitlistEnabled(previous)
    }
  }
)
