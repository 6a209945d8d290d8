import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { WAITLIST_MODULE } from "../../../modules/waitlist"
import type WaitlistModuleService from "../../../modules/waitlist/service"

export type JoinWaitlistStepInput = {
  session_id: string
  customer_id: string
  quantity: number
  accept_partial?: boolean
}

/** Adds the customer at the end of the list, or answers their existing entry. */
export const joinWaitlistStep = createStep(
  "join-waitlist",
  async (input: JoinWaitlistStepInput, { container }) => {
    const service: WaitlistModuleService = container.resolve(WAITLIST_MODULE)
    const result = await service.join(input)
    return new StepResponse(result, result.created ? result.entry.id : null)
  },
  async (createdId, { container }) => {
    if (createdId) {
      const service: WaitlistModuleService = container.resolve(WAITLIST_MODULE)
      await service.withdrawJoin(createdId)
    }
  }
)
