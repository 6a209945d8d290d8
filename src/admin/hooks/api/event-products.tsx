import { FetchError } from "@medusajs/js-sdk"
import { QueryKey, useQuery, UseQueryOptions } from "@tanstack/react-query"
import { queryKeysFactory } from "../../lib/query-keys"
import { sdk } from "../../lib/sdk"

type ProductListResponse = Awaited<ReturnType<typeof sdk.admin.product.list>>

export type EventProductListParams = { q?: string; limit?: number }

export const eventProductQueryKeys = queryKeysFactory<"monetization_event_product", EventProductListParams>(
  "monetization_event_product"
)

/** Products that can act as events (every event is the product that sells its tickets). */
export const useEventProducts = (
  query: EventProductListParams = { limit: 100 },
  options?: Omit<
    UseQueryOptions<ProductListResponse, FetchError, ProductListResponse, QueryKey>,
    "queryKey" | "queryFn"
  >
) => {
  const { data, ...rest } = useQuery({
    queryKey: eventProductQueryKeys.list(query),
    queryFn: () => sdk.admin.product.list({ fields: "id,title", order: "title", ...query }),
    ...options,
  })
  return { ...data, ...rest }
}
