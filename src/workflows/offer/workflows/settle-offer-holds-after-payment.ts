import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { releaseOfferHoldsStep } from "../steps/release-offer-holds"
import { shortenOfferHoldsStep } from "../steps/shorten-offer-holds"

export type SettleOfferHoldsAfterPaymentInput = {
  hold_ids: string[]
  /** `canceled`: the buyer or Stripe gave up, the units go back now; `failed`: the buyer may retry until `retry_until`. */
  outcome: "canceled" | "failed"
  retry_until: Date
}

/** A payment of a cart with offer lines did not go through: its holds are released or shortened to the retry grace. */
export const settleOfferHoldsAfterPaymentWorkflow = createWorkflow(
  "settle-offer-holds-after-payment",
  (input: SettleOfferHoldsAfterPaymentInput) => {
    const released = when("release-canceled-offer-holds", { input }, ({ input }) => input.outcome === "canceled").then(
      () => releaseOfferHoldsStep({ hold_ids: input.hold_ids })
    )
    const shortened = when("shorten-failed-offer-holds", { input }, ({ input }) => input.outcome === "failed").then(() =>
      shortenOfferHoldsStep({ hold_ids: input.hold_ids, expires_at: input.retry_until })
    )
    return new WorkflowResponse(
      transform({ released, shortened }, ({ released, shortened }) => ({
        released: released ?? [],
        shortened: shortened ?? [],
      }))
    )
  }
)
