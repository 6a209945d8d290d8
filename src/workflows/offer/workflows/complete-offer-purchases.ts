import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { trackMonetizationEventsWorkflow } from "../../monetization-event/workflows/track-monetization-events"
import { useQueryGraphStep } from "@medusajs/medusa/core-flows"
import { convertOfferHoldsStep, OFFER_ORDER_FIELDS, OfferOrderRow } from "../steps/convert-offer-holds"

/** Turns a placed order's offer holds into purchases (idempotent) and records OFFER_PURCHASE events. */
export const completeOfferPurchasesWorkflow = createWorkflow(
  "complete-offer-purchases",
  (input: { order_id: string }) => {
    // The placed order's cart lines do not change any more: read outside the step's lock.
    const { data: orders } = useQueryGraphStep({
      entity: "order",
      fields: OFFER_ORDER_FIELDS,
      filters: { id: input.order_id },
    }).config({ name: "get-offer-order" })
    const order = transform({ orders }, ({ orders }) => (orders[0] ?? null) as OfferOrderRow | null)
    const purchases = convertOfferHoldsStep({ order })
    const events = transform({ purchases }, ({ purchases }) => ({
      events: purchases.map((purchase) => ({
        // Keyed by the purchase, so a retried run cannot count it twice.
        client_event_id: `server:offer_purchase:${purchase.purchase_id}`,
        type: "OFFER_PURCHASE" as const,
        entity_id: purchase.offer_id,
        event_id: purchase.event_id,
        session_token: null,
        customer_id: purchase.customer_id,
        occurred_at: new Date().toISOString(),
        metadata: {
          order_id: purchase.order_id,
          purchase_id: purchase.purchase_id,
          quantity: purchase.quantity,
          flagged_quantity: purchase.flagged_quantity,
          amount: purchase.amount,
          currency_code: purchase.currency_code,
        },
        user_agent: null,
        ip_prefix: null,
        source: "server" as const,
      })),
    }))
    trackMonetizationEventsWorkflow.runAsStep({ input: events })
    return new WorkflowResponse(purchases)
  }
)
