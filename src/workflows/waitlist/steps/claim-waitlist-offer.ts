import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { WAITLIST_MODULE } from "../../../modules/waitlist"
import type WaitlistModuleService from "../../../modules/waitlist/service"
import { withSessionLock } from "../utils/session-inventory"

export type ClaimWaitlistOfferStepInput = { session_id: string; customer_id: string; join_token: string }

/** Spends the join token once (unexpired, unused, this customer's) under the session lock. */
export const claimWaitlistOfferStep = createStep(
  "claim-waitlist-offer",
  async (input: ClaimWaitlistOfferStepInput, { container }) => {
    const service: WaitlistModuleService = container.resolve(WAITLIST_MODULE)
    const entry = await withSessionLock(container, input.session_id, () => service.claimOffer(input))
    return new StepResponse(entry, entry.id)
  },
  async (entryId, { container }) => {
    if (entryId) {
      const service: WaitlistModuleService = container.resolve(WAITLIST_MODULE)
      await service.restoreClaim(entryId)
    }
  }
)
