import { FetchError } from "@medusajs/js-sdk"
import { QueryKey, useQuery, UseQueryOptions } from "@tanstack/react-query"
import type { AdContentType, AdPlacement, AdPricingModel } from "../../../modules/ad/types"
import { queryKeysFactory } from "../../lib/query-keys"
import { sdk } from "../../lib/sdk"
import { MutationOptions, useInvalidatingMutation } from "./invalidating-mutation"

/** Delivery counts exclude invalid traffic; `ctr` and `viewable_ctr` are fractions (0.05 = 5%). */
export type AdminAdStats = {
  impressions: number
  viewable_impressions: number
  clicks: number
  ivt_impressions: number
  ivt_clicks: number
  ivt_reasons: { impressions: Record<string, number>; clicks: Record<string, number> }
  ctr: number
  viewable_ctr: number
  revenue: number
}

export type AdminAd = {
  id: string
  event_id: string
  name: string
  content_type: AdContentType
  media_url: string
  click_url: string
  display_duration_seconds: number
  aspect_ratio: string | null
  placements: AdPlacement[]
  target_sessions: string[]
  weight: number
  frequency_cap: number | null
  frequency_window_hours: number
  starts_at: string | null
  ends_at: string | null
  is_active: boolean
  is_archived: boolean
  sponsor_name: string | null
  pricing_model: AdPricingModel
  rate: number
  currency_code: string
  created_at: string
  updated_at: string
  stats: AdminAdStats
}

export type AdminAdListParams = {
  event_id?: string | string[]
  placement?: AdPlacement
  content_type?: AdContentType | AdContentType[]
  is_active?: boolean
  is_archived?: boolean
  fields?: string
  offset?: number
  limit?: number
  order?: string
}

export type AdminAdListResponse = { ads: AdminAd[]; count: number; offset: number; limit: number }
export type AdminAdResponse = { ad: AdminAd }
export type AdminAdArchiveResponse = { id: string; object: "ad"; deleted: true }

type Editable = Omit<AdminAd, "id" | "is_archived" | "created_at" | "updated_at" | "stats">
export type AdminCreateAdPayload = Editable
export type AdminUpdateAdPayload = Partial<Editable>

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
