import { FetchError } from "@medusajs/js-sdk"
import { QueryKey, useQuery, UseQueryOptions } from "@tanstack/react-query"
import type { OfferPlacement, OfferType } from "../../../modules/offer/types"
import { queryKeysFactory } from "../../lib/query-keys"
import { sdk } from "../../lib/sdk"
import { MutationOptions, useInvalidatingMutation } from "./invalidating-mutation"

export type { OfferPlacement, OfferType }

/** Computed by the server: `available` and `total` are null for unlimited stock; `reserved` = held. */
export type AdminOfferInventory = {
  total: number | null
  sold: number
  reserved: number
  available: number | null
}

export type AdminOffer = {
  id: string
  event_id: string
  variant_id: string
  title: string
  description: string | null
  image_url: string | null
  offer_type: OfferType
  price: number
  original_price: number | null
  currency_code: string
  placement: OfferPlacement
  target_sessions: string[]
  target_ticket_tiers: string[]
  starts_at: string | null
  expires_at: string | null
  is_active: boolean
  is_archived: boolean
  inventory_total: number | null
  max_per_customer: number | null
  requires_ticket: boolean
  sold: number
  held: number
  inventory: AdminOfferInventory
  /** Only in `GET /admin/offers/:id`: orders that took units beyond their hold or the stock. */
  flagged_purchases?: AdminOfferPurchase[]
  created_at: string
  updated_at: string
}

export type AdminOfferPurchase = {
  id: string
  order_id: string
  customer_id: string | null
  quantity: number
  flagged_quantity: number
  flag: "EXCEEDS_HOLD" | "HOLD_LAPSED" | null
  amount: number
  currency_code: string
  status: "COMPLETED" | "CANCELED"
  created_at: string
}

export type AdminOfferListParams = {
  event_id?: string
  placement?: OfferPlacement
  is_active?: boolean
  is_archived?: boolean
  offset?: number
  limit?: number
}

export type AdminOfferListResponse = { offers: AdminOffer[]; count: number; offset: number; limit: number }
export type AdminOfferResponse = { offer: AdminOffer }
export type AdminOfferDeleteResponse = { id: string; object: "offer"; deleted: true }

export type AdminOfferUpdatePayload = {
  variant_id?: string
  title?: string
  description?: string | null
  image_url?: string | null
  offer_type?: OfferType
  price?: number
  original_price?: number | null
  currency_code?: string
  placement?: OfferPlacement
  target_sessions?: string[]
  target_ticket_tiers?: string[]
  starts_at?: string | null
  expires_at?: string | null
  is_active?: boolean
  inventory_total?: number | null
  max_per_customer?: number | null
  requires_ticket?: boolean
}
export type AdminOfferCreatePayload = AdminOfferUpdatePayload & {
  event_id: string
  variant_id: string
  title: string
  offer_type: OfferType
  price: number
  currency_code: string
  placement: OfferPlacement
}

export const offerQueryKeys = queryKeysFactory<"monetization_offer", AdminOfferListParams>("monetization_offer")

type QueryOptions<T> = Omit<UseQueryOptions<T, FetchError, T, QueryKey>, "queryKey" | "queryFn">

const path = (id: string) => `/admin/offers/${encodeURIComponent(id)}`

/** `GET /admin/offers`, newest first. */
export const useOffers = (query?: AdminOfferListParams, options?: QueryOptions<AdminOfferListResponse>) => {
  const { data, ...rest } = useQuery({
    queryKey: offerQueryKeys.list(query),
    queryFn: () => sdk.client.fetch<AdminOfferListResponse>("/admin/offers", { query }),
    ...options,
  })
  return { ...data, ...rest }
}

/** `GET /admin/offers/:id`. */
export const useOffer = (id: string, options?: QueryOptions<AdminOfferResponse>) => {
  const { data, ...rest } = useQuery({
    queryKey: offerQueryKeys.detail(id),
    queryFn: () => sdk.client.fetch<AdminOfferResponse>(path(id)),
    ...options,
  })
  return { ...data, ...rest }
}

const staleOffer = (id: string) => [offerQueryKeys.lists(), offerQueryKeys.detail(id)]

export const useCreateOffer = (options?: MutationOptions<AdminOfferResponse, AdminOfferCreatePayload>) =>
  useInvalidatingMutation(
    (body) => sdk.client.fetch<AdminOfferResponse>("/admin/offers", { method: "POST", body }),
    (data) => staleOffer(data.offer.id),
    options
  )

export const useUpdateOffer = (id: string, options?: MutationOptions<AdminOfferResponse, AdminOfferUpdatePayload>) =>
  useInvalidatingMutation(
    (body) => sdk.client.fetch<AdminOfferResponse>(path(id), { method: "POST", body }),
    () => staleOffer(id),
    options
  )

/** `DELETE /admin/offers/:id` archives: the offer stays for reporting. */
export const useArchiveOffer = (options?: MutationOptions<AdminOfferDeleteResponse, string>) =>
  useInvalidatingMutation(
    (id) => sdk.client.fetch<AdminOfferDeleteResponse>(path(id), { method: "DELETE" }),
    (_, id) => staleOffer(id),
    options
  )
