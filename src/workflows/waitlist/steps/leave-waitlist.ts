import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { WAITLIST_MODULE } from "../../../modules/waitlist"
import type WaitlistModuleService from "../../../modules/waitlist/service"
import { withSessionLock } from "../utils/session-inventory"

/** Marks the customer's active entry LEFT; answers it as it was. */
export const leaveWaitlistStep = createStep(
  "leave-waitlist",
  async (input: { session_id: string; customer_id: string }, { container }) => {
    const service: WaitlistModuleService = container.resolve(WAITLIST_MODULE)
    const before = await withSessionLock(container, input.session_id, () => service.leave(input))
    return new StepResponse(before, { entry_id: before.id, status: before.status })
  },
  async (previous, { container }) => {
    if (previous) {
      const service: WaitlistModuleService = container.resolve(WAITLIST_MODULE)
      await service.restoreStatus(previous)
    }
  }
)
