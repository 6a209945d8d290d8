import { z } from "@medusajs/framework/zod"
import { OFFER_PLACEMENTS } from "../../../modules/offer/types"
import { createPageParams, pageLimit, pageOffset } from "../../utils/validators"

export const StoreGetEventOffersParams = z
  .object({
    placement: z.enum(OFFER_PLACEMENTS).optional(),
    session_id: z.string().min(1).optional(),
    limit: pageLimit({ defaultLimit: 50 }),
    offset: pageOffset(),
  })
  .strict()
export type StoreGetEventOffersParamsType = z.infer<typeof StoreGetEventOffersParams>

export const StorePurchaseOffer = z
  .object({
    quantity: z.number().int().min(1).max(50).default(1),
  })
  .strict()
export type StorePurchaseOfferType = z.infer<typeof StorePurchaseOffer>

export const StoreOfferCheckout = z
  .object({
    /** The storefront's own cart: the offer line is added to it, and its own checkout opens the payment session. */
    cart_id: z.string().min(1).optional(),
  })
  .strict()
export type StoreOfferCheckoutType = z.infer<typeof StoreOfferCheckout>

export const StoreGetOfferPurchasesParams = createPageParams(20)
export type StoreGetOfferPurchasesParamsType = z.infer<typeof StoreGetOfferPurchasesParams>
