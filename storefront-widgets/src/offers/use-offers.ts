import { useQuery } from "@tanstack/react-query"
import { MonetizationConfig, storeFetch, useMonetizationConfig } from "../config"

export type OfferInventory = { total: number | null; sold: number; reserved: number; available: number | null }

export type StoreOffer = {
  id: string
  event_id: string
  variant_id: string
  title: string
  description?: string | null
  image_url?: string | null
  offer_type: "TICKET_UPGRADE" | "MERCHANDISE" | "EXCLUSIVE_CONTENT" | "SERVICE" | string
  price: number
  original_price?: number | null
  currency_code: string
  placement: string
  inventory_total?: number | null
  inventory?: OfferInventory
  starts_at?: string | null
  expires_at?: string | null
  [key: string]: unknown
}

export type UseOffersOptions = { eventId: string; placement?: string; sessionId?: string; enabled?: boolean }

export function offersQueryKey(o: UseOffersOptions) {
  return ["medusa-monetization", "offers", o.eventId, o.placement ?? null, o.sessionId ?? null] as const
}

export async function fetchOffers(config: MonetizationConfig, o: UseOffersOptions, signal?: AbortSignal): Promise<StoreOffer[]> {
  const query = new URLSearchParams()
  if (o.placement) query.set("placement", o.placement)
  if (o.sessionId) query.set("session_id", o.sessionId)
  const qs = query.toString()
  const body = await storeFetch<{ offers?: StoreOffer[] }>(
    config,
    `/store/events/${encodeURIComponent(o.eventId)}/offers${qs ? `?${qs}` : ""}`,
    { signal }
  )
  return body?.offers ?? []
}

/** Active, in-schedule offers targeted at this viewer (the customer token, if any, is sent for tier targeting). */
export function useOffers(options: UseOffersOptions) {
  const config = useMonetizationConfig()
  // The customer token changes what is targeted, so it is part of the key.
  const token = config.getCustomerToken?.() ?? null
  return useQuery({
    queryKey: [...offersQueryKey(options), token],
    queryFn: ({ signal }) => fetchOffers(config, options, signal),
    enabled: options.enabled ?? true,
    staleTime: 30_000,
  })
}
