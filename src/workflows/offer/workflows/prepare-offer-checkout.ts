import type { BigNumberInput } from "@medusajs/framework/types"
import { MathBN } from "@medusajs/framework/utils"
import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import {
  addToCartWorkflow,
  createCartWorkflow,
  createPaymentCollectionForCartWorkflow,
  createPaymentSessionsWorkflow,
  useQueryGraphStep,
} from "@medusajs/medusa/core-flows"
import { attachOfferHoldStep } from "../steps/attach-offer-hold"
import { findLiveOfferHoldStep } from "../steps/find-live-offer-hold"
import { OfferHoldCartRow, resolveOfferHoldCartStep } from "../steps/resolve-offer-hold-cart"
import { validateOfferCartStep, ValidateOfferCartInput } from "../steps/validate-offer-cart"
import { validateOfferCartRegionStep } from "../steps/validate-offer-cart-region"

export type PrepareOfferCheckoutInput = {
  offer_id: string
  customer_id: string
  /** The storefront's own cart: the offer line is added to it and no payment session is opened (its checkout does that). */
  cart_id?: string
  sales_channel_id?: string
  /** The payment provider of offer checkouts (plugin option `offerPaymentProviderId`). */
  provider_id: string
}

type SessionRow = { id: string; provider_id: string; status: string; amount: BigNumberInput; data: unknown }
type CollectionRow = { id: string; amount: BigNumberInput; payment_sessions?: (SessionRow | null)[] | null }

/**
 * The second half of a purchase, when the buyer proceeds to pay: puts the customer's live
 * hold into a cart at the offer price (recording the line on the hold) and, for a cart of
 * its own, opens a payment session. A retry reuses the cart, the line and a pending session.
 * A failing step undoes what came before it (a created cart, the added line, the hold's record
 * of them, a created payment collection) through the nested workflows' compensation; the hold
 * stays (it lapses on its own).
 */
export const prepareOfferCheckoutWorkflow = createWorkflow(
  "prepare-offer-checkout",
  (input: PrepareOfferCheckoutInput) => {
    const { hold, offer } = findLiveOfferHoldStep({ offer_id: input.offer_id, customer_id: input.customer_id })

    const heldCart = when("offer-hold-in-cart", { hold }, ({ hold }) => !!hold.cart_id).then(() =>
      useQueryGraphStep({
        entity: "cart",
        fields: ["id", "completed_at", "items.id"],
        filters: { id: hold.cart_id! },
      }).config({ name: "get-offer-hold-cart" })
    )
    const placementInput = transform({ hold, input, heldCart }, ({ hold, input, heldCart }) => ({
      hold,
      cart_id: input.cart_id,
      held_cart: (heldCart?.data?.[0] ?? null) as OfferHoldCartRow | null,
    }))
    const placement = resolveOfferHoldCartStep(placementInput)

    const existingCart = when("offer-cart-given", { placement }, ({ placement }) => !!placement.cart_id).then(() => {
      const { data: carts } = useQueryGraphStep({
        entity: "cart",
        fields: ["id", "customer_id", "currency_code", "completed_at"],
        filters: { id: placement.cart_id! },
      }).config({ name: "get-offer-cart" })
      const check = transform({ carts, placement, input, offer }, ({ carts, placement, input, offer }) => ({
        cart_id: placement.cart_id!,
        cart: carts[0] as ValidateOfferCartInput["cart"],
        customer_id: input.customer_id,
        currency_code: offer.currency_code,
      }))
      validateOfferCartStep(check)
      return check
    })

    const createdCart = when("offer-cart-needed", { placement }, ({ placement }) => !placement.cart_id).then(() => {
      const { data: regions } = useQueryGraphStep({
        entity: "region",
        fields: ["id"],
        filters: { currency_code: offer.currency_code },
      }).config({ name: "get-offer-cart-region" })
      validateOfferCartRegionStep({ regions, currency_code: offer.currency_code })
      const { data: customers } = useQueryGraphStep({
        entity: "customer",
        fields: ["id", "email"],
        filters: { id: input.customer_id },
      }).config({ name: "get-offer-cart-customer" })
      const cartInput = transform({ regions, customers, input }, ({ regions, customers, input }) => ({
        region_id: regions[0].id,
        customer_id: input.customer_id,
        email: customers[0]?.email ?? undefined,
        sales_channel_id: input.sales_channel_id,
      }))
      return createCartWorkflow.runAsStep({ input: cartInput })
    })
    const cart_id = transform({ existingCart, createdCart }, ({ existingCart, createdCart }) => {
      return (existingCart?.cart_id ?? createdCart?.id) as string
    })

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
      const { data: lines } = useQueryGraphStep({
        entity: "cart",
        fields: ["id", "items.id", "items.metadata"],
        filters: { id: cart_id },
      }).config({ name: "get-offer-cart-lines" })
      // The line is found by the hold id the workflow just wrote into its metadata.
      const attachInput = transform({ lines, hold, cart_id }, ({ lines, hold, cart_id }) => {
        const items = (lines[0]?.items ?? []) as ({ id: string; metadata?: Record<string, unknown> | null } | null)[]
        const item = items.find((i) => i?.metadata?.offer_hold_id === hold.id)
        return { hold_id: hold.id, cart_id, line_item_id: item?.id ?? null }
      })
      attachOfferHoldStep(attachInput)
    })

    // Only a cart of its own gets a session here; a storefront's cart is paid through its own checkout.
    const opensSession = ({ input }: { input: PrepareOfferCheckoutInput }) => !input.cart_id
    const existingCollection = when("offer-cart-pays-here", { input }, opensSession).then(() =>
      useQueryGraphStep({
        entity: "cart",
        fields: [
          "id",
          "payment_collection.id",
          "payment_collection.amount",
          "payment_collection.payment_sessions.id",
          "payment_collection.payment_sessions.provider_id",
          "payment_collection.payment_sessions.status",
          "payment_collection.payment_sessions.amount",
          "payment_collection.payment_sessions.data",
        ],
        filters: { id: cart_id },
      }).config({ name: "get-offer-cart-payment-collection" })
    )
    const collection = transform({ existingCollection }, ({ existingCollection }) => {
      return ((existingCollection?.data?.[0]?.payment_collection ?? null) as CollectionRow | null)
    })
    const createdCollection = when(
      "offer-cart-needs-payment-collection",
      { input, collection },
      ({ input, collection }) => !input.cart_id && !collection
    ).then(() => createPaymentCollectionForCartWorkflow.runAsStep({ input: { cart_id } }))

    // A pending session of the provider for the collection's current amount is reused (a retried checkout).
    const reusable = transform({ collection, input }, ({ collection, input }) => {
      const session = (collection?.payment_sessions ?? []).find(
        (s) => !!s && s.provider_id === input.provider_id && s.status === "pending" && MathBN.eq(s.amount, collection!.amount)
      )
      return session ?? null
    })
    const sessionInput = transform({ collection, createdCollection, input }, ({ collection, createdCollection, input }) => ({
      payment_collection_id: collection?.id ?? createdCollection?.id ?? "",
      provider_id: input.provider_id,
    }))
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
