import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { addToCartWorkflow, createCartWorkflow, emitEventStep } from "@medusajs/medusa/core-flows"
import { WaitlistEvents } from "../events"
import { claimWaitlistOfferStep } from "../steps/claim-waitlist-offer"
import { setWaitlistCartStep } from "../steps/set-waitlist-cart"

export type AcceptWaitlistOfferWorkflowInput = {
  session_id: string
  customer_id: string
  join_token: string
  region_id: string
  sales_channel_id?: string
  email?: string
}

/** Spends a join token and answers a cart holding the offered seat, ready for checkout. */
export const acceptWaitlistOfferWorkflow = createWorkflow(
  "accept-waitlist-offer",
  (input: AcceptWaitlistOfferWorkflowInput) => {
    const entry = claimWaitlistOfferStep({
      session_id: input.session_id,
      customer_id: input.customer_id,
      join_token: input.join_token,
    })
    const cartInput = transform({ input }, ({ input }) => ({
      customer_id: input.customer_id,
      region_id: input.region_id,
      sales_channel_id: input.sales_channel_id,
      email: input.email,
    }))
    const cart = createCartWorkflow.runAsStep({ input: cartInput })
    setWaitlistCartStep({ entry_id: entry.id, cart_id: cart.id })
    const lineInput = transform({ entry, cart }, ({ entry, cart }) => ({
      cart_id: cart.id,
      items: [{ variant_id: entry.session_id, quantity: entry.quantity }],
    }))
    addToCartWorkflow.runAsStep({ input: lineInput })
    const data = transform({ entry }, ({ entry }) => ({
      entry_id: entry.id,
      session_id: entry.session_id,
      customer_id: entry.customer_id,
      seq: entry.seq,
    }))
    emitEventStep({ eventName: WaitlistEvents.OFFER_ACCEPTED, data })
    const result = transform({ entry, cart }, ({ entry, cart }) => ({ entry, cart_id: cart.id }))
    return new WorkflowResponse(result)
  }
)
