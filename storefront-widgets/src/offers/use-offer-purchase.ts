"use client"

import { useMutation, useQueryClient } from "@tanstack/react-query"
import { useMonetizationConfig } from "../config.js"
import { StoreApiError, storeFetch } from "../store-api.js"
import type { OfferPurchaseResult, StoreOfferHoldResponse } from "../types.js"

export type { OfferHold, OfferPurchaseResult } from "../types.js"

export type OfferPurchaseInput = {
  offerId: string
  quantity?: number
  /** The storefront's own cart: the offer line is added to it and its checkout opens the payment session. */
  cartId?: string
}

/**
 * Buys an offer as the logged-in customer in two calls: `POST /store/offers/:id/purchase` decides
 * on stock at once (the hold), then `POST /store/offers/:id/checkout` puts the hold in a cart with
 * a payment session. Retrying either answers the same hold, cart and session. Refreshes offer
 * lists afterwards (stock changed).
 */
export function useOfferPurchase() {
  const config = useMonetizationConfig()
  const client = useQueryClient()
  return useMutation<OfferPurchaseResult, Error, OfferPurchaseInput>({
    mutationFn: async ({ offerId, quantity = 1, cartId }) => {
      if (!config.getCustomerToken?.()) {
        throw new StoreApiError("Log in to buy this offer", 401, "unauthorized")
      }
      const path = `/store/offers/${encodeURIComponent(offerId)}`
      await storeFetch<StoreOfferHoldResponse>(config, `${path}/purchase`, {
        method: "POST",
        body: JSON.stringify({ quantity }),
      })
      return storeFetch<OfferPurchaseResult>(config, `${path}/checkout`, {
        method: "POST",
        body: JSON.stringify(cartId ? { cart_id: cartId } : {}),
      })
    },
    onSettled: () => client.invalidateQueries({ queryKey: ["medusa-monetization", "offers"] }),
  })
}
