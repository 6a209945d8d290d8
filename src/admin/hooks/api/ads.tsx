import { FetchError } from "@medusajs/js-sdk"
import { QueryKey, useQuery, UseQueryOptions } from "@tanstack/react-query"
import { queryKeysFactory } from "../../lib/query-keys"
import { sdk } from "../../lib/sdk"
import type {
  AdminAdArchiveResponse,
  AdminAdListParams,
  AdminAdListResponse,
  AdminAdResponse,
  AdminCreateAdPayload,
  AdminUpdateAdPayload,
} from "../../../types/ads"
import { MutationOptions, useInvalidatingMutation } from "./invalidating-mutation"

export type * from "../../../types/ads"

export const adQueryKeys = queryKeysFactory<"monetization_ad", AdminAdListParams>("monetization_ad")

type QueryOptions<T> = Omit<UseQueryOptions<T, FetchError, T, QueryKey>, "queryKey" | "queryFn">

const path = (id: string) => `/admin/ads/${encodeURIComponent(id)}`

/** `GET /admin/ads`: each ad comes with its delivery stats. */
export const useAds = (query?: AdminAdListParams, options?: QueryOptions<AdminAdListResponse>) => {
  const { data, ...rest } = useQuery({
    queryKey: adQueryKeys.list(query),
    queryFn: () => sdk.client.fetch<AdminAdListResponse>("/admin/ads", { query }),
    ...options,
  })
  return { ...data, ...rest }
}

/** `GET /admin/ads/:id`. */
export const useAd = (id: string, options?: QueryOptions<AdminAdResponse>) => {
  const { data, ...rest } = useQuery({
    queryKey: adQueryKeys.detail(id),
    queryFn: () => sdk.client.fetch<AdminAdResponse>(path(id)),
    ...options,
  })
  return { ...data, ...rest }
}

const staleAd = (id: string) => [adQueryKeys.lists(), adQueryKeys.detail(id)]

export const useCreateAd = (options?: MutationOptions<AdminAdResponse, AdminCreateAdPayload>) =>
  useInvalidatingMutation(
    (body) => sdk.client.fetch<AdminAdResponse>("/admin/ads", { method: "POST", body }),
    (data) => staleAd(data.ad.id),
    options
  )

export const useUpdateAd = (id: string, options?: MutationOptions<AdminAdResponse, AdminUpdateAdPayload>) =>
  useInvalidatingMutation(
    (body) => sdk.client.fetch<AdminAdResponse>(path(id), { method: "POST", body }),
    () => staleAd(id),
    options
  )

/** `DELETE /admin/ads/:id` archives: the ad stops serving and keeps its history. */
export const useArchiveAd = (options?: MutationOptions<AdminAdArchiveResponse, string>) =>
  useInvalidatingMutation(
    (id) => sdk.client.fetch<AdminAdArchiveResponse>(path(id), { method: "DELETE" }),
    (_, id) => staleAd(id),
    options
  )
