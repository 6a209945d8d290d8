import { FetchError } from "@medusajs/js-sdk"
import { QueryKey, useQuery, UseQueryOptions } from "@tanstack/react-query"
import { queryKeysFactory } from "../../lib/query-keys"
import { sdk } from "../../lib/sdk"
import type { AdminMonetizationEventListParams, AdminMonetizationEventListResponse } from "../../../types/analytics"

export type * from "../../../types/analytics"

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
