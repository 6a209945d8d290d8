"use client"

import { useQuery } from "@tanstack/react-query"
import { useMonetizationConfig } from "../config.js"
import { fetchOffers, UseOffersOptions, viewerOffersQueryKey } from "./fetch-offers.js"

export type { OfferInventory, StoreOffer } from "../types.js"

/** Active, in-schedule offers targeted at this viewer (the customer token, if any, is sent for tier targeting). */
export function useOffers(options: UseOffersOptions) {
  const config = useMonetizationConfig()
  // The customer token changes what is targeted, so it is part of the key.
  const token = config.getCustomerToken?.() ?? null
  return useQuery({
    queryKey: viewerOffersQueryKey(options, token),
    queryFn: ({ signal }) => fetchOffers(config, options, signal),
    enabled: options.enabled ?? true,
    staleTime: 30_000,
  })
}
