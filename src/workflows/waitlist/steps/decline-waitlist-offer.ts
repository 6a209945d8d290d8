import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { WAITLIST_MODULE } from "../../../modules/waitlist"
import type WaitlistModuleService from "../../../modules/waitlist/service"
import { withSessionLock } from "../utils/session-inventory"

/** Declines an open offer with its token; the seat goes to the next entry. */
export const declineWaitlistOfferStep = createStep(
  "decline-waitlist-offer",
  async (input: { session_id: string; customer_id: string; join_token: string }, { container }) => {
    const service: WaitlistModuleService = container.resolve(WAITLIST_MODULE)
    const entry = await withSessionLock(container, input.session_id, () => service.decline(input))
    return new StepResponse(entry, entry.id)
  },
  async (entryId, { container }) => {
    if (entryId) {
      const service: WaitlistModuleService = container.resolve(WAITLIST_MODULE)
      await service.updateWaitlistEntries({ id: entryId, status: "OFFERED", token_used_at: null })
    }
  }
)
