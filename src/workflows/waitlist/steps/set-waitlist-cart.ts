import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { WAITLIST_MODULE } from "../../../modules/waitlist"
import type WaitlistModuleService from "../../../modules/waitlist/service"

/** Ties the accepted entry to its cart: only that cart may buy the held seat. */
export const setWaitlistCartStep = createStep(
  "set-waitlist-cart",
  async (input: { entry_id: string; cart_id: string }, { container }) => {
    const service: WaitlistModuleService = container.resolve(WAITLIST_MODULE)
    await service.setCart(input)
    return new StepResponse(input, input.entry_id)
  },
  async (entryId, { container }) => {
    if (entryId) {
      const service: WaitlistModuleService = container.resolve(WAITLIST_MODULE)
      await service.updateWaitlistEntries({ id: entryId, cart_id: null })
    }
  }
)
