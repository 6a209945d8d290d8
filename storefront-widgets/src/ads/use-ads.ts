"use client"

import { useQuery } from "@tanstack/react-query"
import { useMonetizationConfig } from "../config.js"
import { useSessionToken } from "../hydration.js"
import { MonetizationConfig, storeFetch } from "../store-api.js"
import type { StoreAd, StoreAdListResponse } from "../types.js"

export type { StoreAd } from "../types.js"

export type UseAdsOptions = {
  eventId: string
  placement: string
  sessionId?: string
  limit?: number
  sessionToken?: string
  enabled?: boolean
}

export function adsQueryKey(o: { eventId: string; placement: string; sessionId?: string; limit?: number; sessionToken: string }) {
  return ["medusa-monetization", "ads", o.eventId, o.placement, o.sessionId ?? null, o.limit ?? null, o.sessionToken] as const
}

export async function fetchAds(
  config: MonetizationConfig,
  params: { eventId: string; placement: string; sessionId?: string; limit?: number; sessionToken: string },
  signal?: AbortSignal
): Promise<StoreAd[]> {
  const query = new URLSearchParams({ event_id: params.eventId, placement: params.placement })
  if (params.sessionId) query.set("session_id", params.sessionId)
  if (params.limit) query.set("limit", String(params.limit))
  query.set("session_token", params.sessionToken)
  const body = await storeFetch<Partial<StoreAdListResponse>>(config, `/store/ads?${query}`, { signal })
  return body?.ads ?? []
}

/** Ads picked by the server for a placement, capped for this viewer. */
export function useAds(options: UseAdsOptions) {
  const config = useMonetizationConfig()
  const storedToken = useSessionToken()
  const sessionToken = options.sessionToken ?? storedToken
  const params = { ...options, sessionToken: sessionToken ?? "" }
  return useQuery({
    queryKey: adsQueryKey(params),
    queryFn: ({ signal }) => fetchAds(config, params, signal),
    // Per viewer: waits for the browser's session token (none on the server).
    enabled: (options.enabled ?? true) && !!sessionToken,
    staleTime: 60_000,
    refetchOnWindowFocus: false,
  })
}
