import { MonetizationConfig, storeFetch } from "../store-api.js"
import type { StoreOffer, StoreOfferListResponse } from "../types.js"

export type UseOffersOptions = { eventId: string; placement?: string; sessionId?: string; enabled?: boolean }

export function offersQueryKey(o: UseOffersOptions) {
  return ["medusa-monetization", "offers", o.eventId, o.placement ?? null, o.sessionId ?? null] as const
}

/** The key `useOffers` caches a viewer's offers under (`customerToken` null when logged out): prefetch with it on the server. */
export function viewerOffersQueryKey(o: UseOffersOptions, customerToken: string | null) {
  return [...offersQueryKey(o), customerToken] as const
}

export async function fetchOffers(config: MonetizationConfig, o: UseOffersOptions, signal?: AbortSignal): Promise<StoreOffer[]> {
  const query = new URLSearchParams()
  if (o.placement) query.set("placement", o.placement)
  if (o.sessionId) query.set("session_id", o.sessionId)
  const qs = query.toString()
  const body = await storeFetch<Partial<StoreOfferListResponse>>(
    config,
    `/store/events/${encodeURIComponent(o.eventId)}/offers${qs ? `?${qs}` : ""}`,
    { signal }
  )
  return body?.offers ?? []
}
