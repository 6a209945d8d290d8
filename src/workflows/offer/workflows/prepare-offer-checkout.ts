import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { addToCartWorkflow, createPaymentSessionsWorkflow } from "@medusajs/medusa/core-flows"
import { attachOfferHoldStep } from "../steps/attach-offer-hold"
import { ensureOfferCartPaymentCollectionStep } from "../steps/ensure-offer-cart-payment-collection"
import { findLiveOfferHoldStep } from "../steps/find-live-offer-hold"
import { findReusablePaymentSessionStep } from "../steps/find-reusable-payment-session"
import { resolveOfferCartStep } from "../steps/resolve-offer-cart"
import { resolveOfferHoldCartStep } from "../steps/resolve-offer-hold-cart"

export type PrepareOfferCheckoutInput = {
  offer_id: string
  customer_id: string
  /** The storefront's own cart: the offer line is added to it and no payment session is opened (its checkout does that). */
  cart_id?: string
  sales_channel_id?: string
  /** The payment provider of offer checkouts (plugin option `offerPaymentProviderId`). */
  provider_id: string
}

/**
 * The second half of a purchase, when the buyer proceeds to pay: puts the customer's live
 * hold into a cart at the offer price (recording the line on the hold) and, for a cart of
 * its own, opens a payment session. A retry reuses the cart, the line and a pending session.
 * A failing step removes a cart it created; the hold stays (it lapses on its own).
 */
export const prepareOfferCheckoutWorkflow = createWorkflow(
  "prepare-offer-checkout",
  (input: PrepareOfferCheckoutInput) => {
    const { hold, offer } = findLiveOfferHoldStep({ offer_id: input.offer_id, customer_id: input.customer_id })
    const placement = resolveOfferHoldCartStep({ hold, cart_id: input.cart_id })
    const cartInput = transform({ input, offer, placement }, ({ input, offer, placement }) => ({
      cart_id: placement.cart_id ?? undefined,
      customer_id: input.customer_id,
      currency_code: offer.currency_code,
      sales_channel_id: input.sales_channel_id,
    }))
    const { cart_id } = resolveOfferCartStep(cartInput)

    when("add-offer-line", { placement }, ({ placement }) => placement.needs_line).then(() => {
      const addInput = transform({ cart_id, offer, hold }, ({ cart_id, offer, hold }) => ({
        cart_id,
        items: [
          {
            variant_id: offer.variant_id,
            quantity: hold.quantity,
            unit_price: Number(offer.price),
            metadata: { offer_id: offer.id, offer_hold_id: hold.id },
          },
        ],
      }))
      addToCartWorkflow.runAsStep({ input: addInput })
      attachOfferHoldStep({ hold_id: hold.id, cart_id })
    })

    // Only a cart of its own gets a session here; a storefront's cart is paid through its own checkout.
    const opensSession = ({ input }: { input: PrepareOfferCheckoutInput }) => !input.cart_id
    const collection = when("ensure-offer-payment-collection", { input }, opensSession).then(() =>
      ensureOfferCartPaymentCollectionStep({ cart_id })
    )
    const sessionInput = transform({ collection, input }, ({ collection, input }) => ({
      payment_collection_id: collection?.payment_collection_id ?? "",
      provider_id: input.provider_id,
    }))
    const reusable = when("find-offer-payment-session", { input }, opensSession).then(() =>
      findReusablePaymentSessionStep(sessionInput)
    )
    const created = when("create-offer-payment-session", { input, reusable }, ({ input, reusable }) => {
      return !input.cart_id && !reusable
    }).then(() => createPaymentSessionsWorkflow.runAsStep({ input: sessionInput }))
    const session = transform({ reusable, created }, ({ reusable, created }) => reusable ?? created ?? null)

    const result = transform({ cart_id, hold, session }, ({ cart_id, hold, session }) => ({
      cart_id,
      hold_id: hold.id,
      payment_session: session ?? null,
    }))
    return new WorkflowResponse(result)
  }
)
