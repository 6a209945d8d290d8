import { FetchError } from "@medusajs/js-sdk"
import { QueryKey, useQuery, UseQueryOptions } from "@tanstack/react-query"
import { queryKeysFactory } from "../../lib/query-keys"
import { sdk } from "../../lib/sdk"
import type {
  AdminOfferCreatePayload,
  AdminOfferDeleteResponse,
  AdminOfferListParams,
  AdminOfferListResponse,
  AdminOfferResponse,
  AdminOfferUpdatePayload,
  OfferInventory,
} from "../../../types/offers"
import { MutationOptions, useInvalidatingMutation } from "./invalidating-mutation"

export type * from "../../../types/offers"

/** The stock block of an offer (the admin's name for the shared type). */
export type AdminOfferInventory = OfferInventory

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
