import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { holdOfferStockStep, HoldOfferStockInput } from "../steps/hold-offer-stock"

/** Holds offer units for a customer (the first step of a purchase, on its own). */
export const holdOfferWorkflow = createWorkflow("hold-offer", (input: HoldOfferStockInput) => {
  const result = holdOfferStockStep(input)
  return new WorkflowResponse(result)
})
