import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { addToCartWorkflow, createPaymentSessionsWorkflow } from "@medusajs/medusa/core-flows"
import { attachOfferHoldStep } from "../steps/attach-offer-hold"
import { ensureOfferCartPaymentCollectionStep } from "../steps/ensure-offer-cart-payment-collection"
import { holdOfferStockStep } from "../steps/hold-offer-stock"
import { resolveOfferCartStep } from "../steps/resolve-offer-cart"

export const OFFER_PAYMENT_PROVIDER_ID = "pp_stripe_stripe"

export type PurchaseOfferInput = {
  offer_id: string
  customer_id: string
  quantity: number
  cart_id?: string
  sales_channel_id?: string
}

/**
 * Holds the offer's units, puts the variant in the customer's cart at the offer price
 * (marked with offer and hold) and opens a Stripe payment session. A failing step
 * releases the hold and removes a cart it created.
 */
export const purchaseOfferWorkflow = createWorkflow("purchase-offer", (input: PurchaseOfferInput) => {
  const { hold, offer } = holdOfferStockStep({
    offer_id: input.offer_id,
    customer_id: input.customer_id,
    quantity: input.quantity,
  })
  const cartInput = transform({ input, offer }, ({ input, offer }) => ({
    cart_id: input.cart_id,
    customer_id: input.customer_id,
    currency_code: offer.currency_code,
    sales_channel_id: input.sales_channel_id,
  }))
  const { cart_id } = resolveOfferCartStep(cartInput)
  const addInput = transform({ cart_id, input, offer, hold }, ({ cart_id, input, offer, hold }) => ({
    cart_id,
    items: [
      {
        variant_id: offer.variant_id,
        quantity: input.quantity,
        unit_price: Number(offer.price),
        metadata: { offer_id: offer.id, offer_hold_id: hold.id },
      },
    ],
  }))
  addToCartWorkflow.runAsStep({ input: addInput })
  const attached = attachOfferHoldStep({ hold_id: hold.id, cart_id })
  const { payment_collection_id } = ensureOfferCartPaymentCollectionStep({ cart_id })
  const paymentSession = createPaymentSessionsWorkflow.runAsStep({
    input: { payment_collection_id, provider_id: OFFER_PAYMENT_PROVIDER_ID },
  })
  return new WorkflowResponse({ cart_id, hold: attached, payment_session: paymentSession })
})
