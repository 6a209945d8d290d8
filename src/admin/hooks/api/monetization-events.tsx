import { FetchError } from "@medusajs/js-sdk"
import { QueryKey, useQuery, UseQueryOptions } from "@tanstack/react-query"
import type { MonetizationEventType } from "../../../modules/monetization-event/types"
import { queryKeysFactory } from "../../lib/query-keys"
import { sdk } from "../../lib/sdk"

export type AdminMonetizationEvent = {
  id: string
  client_event_id: string
  type: MonetizationEventType
  entity_id: string
  event_id: string | null
  session_token: string | null
  customer_id: string | null
  occurred_at: string
  metadata: Record<string, unknown> | null
  user_agent: string | null
  ip_prefix: string | null
  source: "client" | "server"
  created_at: string
}

export type AdminMonetizationEventListParams = {
  event_id?: string | string[]
  type?: MonetizationEventType | MonetizationEventType[]
  offset?: number
  limit?: number
}

export type AdminMonetizationEventListResponse = {
  monetization_events: AdminMonetizationEvent[]
  count: number
  offset: number
  limit: number
}

export const monetizationEventQueryKeys = queryKeysFactory<"monetization_event", AdminMonetizationEventListParams>(
  "monetization_event"
)

/** The admin event log: `GET /admin/monetization-events`, newest first. */
export const useMonetizationEvents = (
  query?: AdminMonetizationEventListParams,
  options?: Omit<
    UseQueryOptions<AdminMonetizationEventListResponse, FetchError, AdminMonetizationEventListResponse, QueryKey>,
    "queryKey" | "queryFn"
  >
) => {
  const { data, ...rest } = useQuery({
    queryKey: monetizationEventQueryKeys.list(query),
    queryFn: () =>
      sdk.client.fetch<AdminMonetizationEventListResponse>("/admin/monetization-events", { query }),
    ...options,
  })
  return { ...data, ...rest }
}
