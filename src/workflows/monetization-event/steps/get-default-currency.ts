import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { defaultStoreCurrency } from "../revenue/currency"

/** The store's default currency code, the label of revenue when no sale names a currency. */
export const getDefaultCurrencyStep = createStep("get-default-currency", async (_: void, { container }) => {
  return new StepResponse(await defaultStoreCurrency(container))
})
