import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { OFFER_MODULE } from "../../../../../modules/offer"
import type OfferModuleService from "../../../../../modules/offer/service"
import { prepareOfferCheckoutWorkflow } from "../../../../../workflows/offer/workflows/prepare-offer-checkout"
import { checkoutLimit } from "../../checkout-limit"
import { formatHold } from "../../helpers"
import type { StoreOfferCheckoutType } from "../../validators"
import type { OfferPurchaseResult } from "../../../../../types/offers"

const CART_FIELDS = [
  "id",
  "customer_id",
  "region_id",
  "currency_code",
  "email",
  "total",
  "subtotal",
  "item_total",
  "items.*",
  "payment_collection.id",
  "payment_collection.amount",
  "payment_collection.status",
]

/**
 * When the buyer proceeds to pay: the live hold's line in a cart (the storefront's `cart_id`, or
 * a cart of its own with a payment session of the offer provider). Retries reuse both.
 */
export const POST = async (req: AuthenticatedMedusaRequest<StoreOfferCheckoutType>, res: MedusaResponse<OfferPurchaseResult>) => {
  const offers: OfferModuleService = req.scope.resolve(OFFER_MODULE)
  const { offerPaymentProviderId, offerCheckoutConcurrency } = await offers.getOptions()
  const { result } = await checkoutLimit(offerCheckoutConcurrency)(() =>
    prepareOfferCheckoutWorkflow(req.scope).run({
      input: {
        offer_id: req.params.id,
        customer_id: req.auth_context.actor_id,
        cart_id: req.validatedBody.cart_id,
        sales_channel_id: req.publishable_key_context?.sales_channel_ids?.[0],
        provider_id: offerPaymentProviderId,
      },
    })
  )
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({ entity: "cart", fields: CART_FIELDS, filters: { id: result.cart_id } })
  res.json({
    cart: data[0],
    hold: formatHold(await offers.retrieveOfferHold(result.hold_id)),
    payment_session: result.payment_session as OfferPurchaseResult["payment_session"],
  })
}
