import { MedusaError } from "@medusajs/framework/utils"
import { createStep } from "@medusajs/framework/workflows-sdk"

export type ValidateOfferCartInput = {
  cart_id: string
  cart: { id: string; customer_id?: string | null; currency_code: string; completed_at?: unknown } | null | undefined
  customer_id: string
  currency_code: string
}

/** Throws unless the cart is the customer's, open and in the offer's currency. */
export const validateOfferCartStep = createStep("validate-offer-cart", async (input: ValidateOfferCartInput) => {
  const { cart } = input
  // Another customer's cart answers exactly like a missing one.
  if (!cart || cart.customer_id !== input.customer_id) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Cart id not found: ${input.cart_id}`)
  }
  if (cart.completed_at) {
    throw new MedusaError(MedusaError.Types.NOT_ALLOWED, `Cart ${cart.id} is already completed`)
  }
  if (cart.currency_code !== input.currency_code) {
    throw new MedusaError(
      MedusaError.Types.NOT_ALLOWED,
      `Cart currency ${cart.currency_code} does not match the offer's ${input.currency_code}`
    )
  }
})
