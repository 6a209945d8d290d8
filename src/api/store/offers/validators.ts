import { z } from "@medusajs/framework/zod"
import { OFFER_PLACEMENTS } from "../../../modules/offer/types"

export const StoreGetEventOffersParams = z
  .object({
    placement: z.enum(OFFER_PLACEMENTS).optional(),
    session_id: z.string().min(1).optional(),
    limit: z.coerce.number().int().min(1).max(100).default(50),
    offset: z.coerce.number().int().min(0).default(0),
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

export const StoreGetOfferPurchasesParams = z
  .object({
    limit: z.coerce.number().int().min(1).max(100).default(20),
    offset: z.coerce.number().int().min(0).default(0),
  })
  .strict()
export type StoreGetOfferPurchasesParamsType = z.infer<typeof StoreGetOfferPurchasesParams>
