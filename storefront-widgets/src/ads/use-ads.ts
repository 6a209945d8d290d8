import { useQuery } from "@tanstack/react-query"
import { useState } from "react"
import { MonetizationConfig, storeFetch, useMonetizationConfig } from "../config"
import { getSessionToken } from "../session-token"

export type StoreAd = {
  id: string
  event_id?: string
  name: string
  content_type: "BANNER" | "VIDEO" | "SPONSORED_SESSION" | "INTERSTITIAL" | string
  media_url: string
  click_url: string
  display_duration_seconds: number
  aspect_ratio?: string | null
  /** The cap window: an INTERSTITIAL is shown at most once per window in a browser. */
  frequency_window_hours?: number
  sponsor_name?: string | null
  placements: string[]
  /** Proof of this serve to this viewer: sent with the ad's impressions so they can be billed. */
  serve_token?: string
  /** The billable click-through (`GET /ads/:id/click`, signed): a plain link that records the click and redirects. */
  signed_click_url?: string
  [key: string]: unknown
}

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
  const body = await storeFetch<{ ads?: StoreAd[] }>(config, `/store/ads?${query}`, { signal })
  return body?.ads ?? []
}

/** Ads picked by the server for a placement, capped for this viewer. */
export function useAds(options: UseAdsOptions) {
  const config = useMonetizationConfig()
  const [storedToken] = useState(getSessionToken)
  const sessionToken = options.sessionToken ?? storedToken
  const params = { ...options, sessionToken }
  return useQuery({
    queryKey: adsQueryKey(params),
    queryFn: ({ signal }) => fetchAds(config, params, signal),
    enabled: options.enabled ?? true,
    staleTime: 60_000,
    refetchOnWindowFocus: false,
  })
}
