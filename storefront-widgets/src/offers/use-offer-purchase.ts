import { useMutation, useQueryClient } from "@tanstack/react-query"
import { StoreApiError, storeFetch, useMonetizationConfig } from "../config"

export type OfferPurchaseInput = { offerId: string; quantity?: number; cartId?: string }

export type OfferPurchaseResult = {
  cart: { id: string; [key: string]: unknown }
  hold: { id: string; quantity: number; expires_at: string }
  payment_session: { id?: string; data?: { client_secret?: string; [key: string]: unknown }; [key: string]: unknown }
}

/** `POST /store/offers/:id/purchase` as the logged-in customer; refreshes offer lists afterwards (stock changed). */
export function useOfferPurchase() {
  const config = useMonetizationConfig()
  const client = useQueryClient()
  return useMutation<OfferPurchaseResult, Error, OfferPurchaseInput>({
    mutationFn: async ({ offerId, quantity = 1, cartId }) => {
      if (!config.getCustomerToken?.()) {
        throw new StoreApiError("Log in to buy this offer", 401, "unauthorized")
      }
      return storeFetch<OfferPurchaseResult>(config, `/store/offers/${encodeURIComponent(offerId)}/purchase`, {
        method: "POST",
        body: JSON.stringify({ quantity, ...(cartId ? { cart_id: cartId } : {}) }),
      })
    },
    onSettled: () => client.invalidateQueries({ queryKey: ["medusa-monetization", "offers"] }),
  })
}
