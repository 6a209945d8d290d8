import { FetchError } from "@medusajs/js-sdk"
import { QueryKey, useQuery, UseQueryOptions } from "@tanstack/react-query"
import { queryKeysFactory } from "../../lib/query-keys"
import { sdk } from "../../lib/sdk"
import type { AdminLatestAnalyticsEventResponse, DateRange, MonetizationDashboard } from "../../../types/analytics"

export type * from "../../../types/analytics"

export const monetizationDashboardQueryKeys = queryKeysFactory<"monetization_dashboard", DateRange>(
  "monetization_dashboard"
)

/** The seed's dashboard refreshed itself every 5 minutes; the page and the product widget do the same. */
export const DASHBOARD_REFRESH_MS = 5 * 60 * 1000

export const dashboardPath = (productId: string) =>
  `/admin/analytics/events/${encodeURIComponent(productId)}/monetization`

export const useMonetizationDashboard = (
  productId: string,
  range: DateRange,
  options?: Omit<
    UseQueryOptions<MonetizationDashboard, FetchError, MonetizationDashboard, QueryKey>,
    "queryKey" | "queryFn"
  >
) => {
  const { data, ...rest } = useQuery({
    queryKey: [...monetizationDashboardQueryKeys.detail(productId), range],
    queryFn: () => sdk.client.fetch<MonetizationDashboard>(dashboardPath(productId), { query: range }),
    refetchInterval: DASHBOARD_REFRESH_MS,
    ...options,
  })
  return { dashboard: data, ...rest }
}

/** `GET /admin/analytics/latest-event`: the event with the most recent server-recorded facts, or null. */
export const useLatestAnalyticsEvent = (
  options?: Omit<
    UseQueryOptions<AdminLatestAnalyticsEventResponse, FetchError, AdminLatestAnalyticsEventResponse, QueryKey>,
    "queryKey" | "queryFn"
  >
) => {
  const { data, ...rest } = useQuery({
    queryKey: [...monetizationDashboardQueryKeys.all, "latest-event"],
    queryFn: () => sdk.client.fetch<AdminLatestAnalyticsEventResponse>("/admin/analytics/latest-event"),
    ...options,
  })
  return { latestEventId: data?.event_id, ...rest }
}

/**
 * Downloads the CSV export. A plain fetch (not the sdk's JSON client) with the session cookie;
 * with JWT auth the sdk's stored token is sent as a bearer header.
 */
export async function downloadMonetizationCsv(productId: string, range: DateRange): Promise<void> {
  const params = new URLSearchParams(range)
  // Same backend as lib/sdk.ts: "/" means the origin the admin is served from.
  const backend = (typeof __BACKEND_URL__ !== "undefined" && __BACKEND_URL__) || "/"
  const url = new URL(`${dashboardPath(productId)}/export?${params}`, backend === "/" ? window.location.origin : backend)
  const token = await sdk.client.getToken().catch(() => null)
  const response = await fetch(url, {
    credentials: "include",
    headers: token ? { authorization: `Bearer ${token}` } : {},
  })
  if (!response.ok) {
    throw new Error(`Export failed (${response.status})`)
  }
  const blob = await response.blob()
  const filename =
    /filename="([^"]+)"/.exec(response.headers.get("content-disposition") ?? "")?.[1] ??
    `monetization-${productId}-${range.date_from}-${range.date_to}.csv`
  const href = URL.createObjectURL(blob)
  const link = document.createElement("a")
  link.href = href
  link.download = filename
  document.body.appendChild(link)
  link.click()
  link.remove()
  // Revoked a little later: the browser reads the blob after the click returns.
  window.setTimeout(() => URL.revokeObjectURL(href), 10_000)
}
