import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { cancelOfferPurchasesStep } from "../steps/cancel-offer-purchases"

/** Cancels a canceled order's offer purchases and returns their units to stock. */
export const cancelOfferPurchasesWorkflow = createWorkflow("cancel-offer-purchases", (input: { order_id: string }) => {
  const canceled = cancelOfferPurchasesStep(input)
  return new WorkflowResponse(canceled)
})
