import { FetchError } from "@medusajs/js-sdk"
import { QueryKey, useQuery, UseQueryOptions } from "@tanstack/react-query"
import { queryKeysFactory } from "../../lib/query-keys"
import { sdk } from "../../lib/sdk"
import type {
  AdminEventWaitlistSettingsResponse,
  AdminOfferNextPayload,
  AdminOfferNextResponse,
  AdminReleaseWaitlistEntriesResponse,
  AdminRemoveWaitlistEntriesResponse,
  AdminSessionWaitlistQuery,
  AdminSessionWaitlistResponse,
  AdminSessionWaitlistSettingResponse,
  AdminWaitlistEntryIdsPayload,
  AdminWaitlistListResponse,
  AdminWaitlistSettingPayload,
} from "../../../types/waitlists"
import { MutationOptions, useInvalidatingMutation } from "./invalidating-mutation"

export type * from "../../../types/waitlists"

export const waitlistQueryKeys = queryKeysFactory<"waitlist">("waitlist")

type QueryOptions<T> = Omit<UseQueryOptions<T, FetchError, T, QueryKey>, "queryKey" | "queryFn">

const sessionPath = (variantId: string) => `/admin/sessions/${encodeURIComponent(variantId)}/waitlist`

/** `GET /admin/waitlists`: a page of the sessions that have a waitlist. */
export const useWaitlists = (query: { limit: number; offset: number }, options?: QueryOptions<AdminWaitlistListResponse>) => {
  const { data, ...rest } = useQuery({
    queryKey: waitlistQueryKeys.list(query),
    queryFn: () => sdk.client.fetch<AdminWaitlistListResponse>("/admin/waitlists", { query }),
    ...options,
  })
  return { ...data, ...rest }
}

/** `GET /admin/sessions/:session_id/waitlist`: seat counts and a page of the FIFO entries with their audit trail. */
export const useSessionWaitlist = (
  variantId: string,
  page: AdminSessionWaitlistQuery,
  options?: QueryOptions<AdminSessionWaitlistResponse>
) => {
  const { data, ...rest } = useQuery({
    // Under detail(variantId), so the mutations' invalidation reaches every page.
    queryKey: [...waitlistQueryKeys.detail(variantId), page],
    queryFn: () => sdk.client.fetch<AdminSessionWaitlistResponse>(sessionPath(variantId), { query: page }),
    ...options,
  })
  return { ...data, ...rest }
}

/** `POST /admin/sessions/:session_id/waitlist/offer-next`. */
export const useOfferNextWaitlistSeats = (
  variantId: string,
  options?: MutationOptions<AdminOfferNextResponse, AdminOfferNextPayload>
) =>
  useInvalidatingMutation(
    (body) => sdk.client.fetch<AdminOfferNextResponse>(`${sessionPath(variantId)}/offer-next`, { method: "POST", body }),
    () => [waitlistQueryKeys.lists(), waitlistQueryKeys.detail(variantId)],
    options
  )

/** `POST /admin/sessions/:session_id/waitlist/release`: held seats go back to the pool and are offered on. */
export const useReleaseWaitlistEntries = (
  variantId: string,
  options?: MutationOptions<AdminReleaseWaitlistEntriesResponse, AdminWaitlistEntryIdsPayload>
) =>
  useInvalidatingMutation(
    (body) =>
      sdk.client.fetch<AdminReleaseWaitlistEntriesResponse>(`${sessionPath(variantId)}/release`, {
        method: "POST",
        body,
      }),
    () => [waitlistQueryKeys.lists(), waitlistQueryKeys.detail(variantId)],
    options
  )

/** `POST /admin/sessions/:session_id/waitlist/remove`: entries leave the list; their seats are offered on. */
export const useRemoveWaitlistEntries = (
  variantId: string,
  options?: MutationOptions<AdminRemoveWaitlistEntriesResponse, AdminWaitlistEntryIdsPayload>
) =>
  useInvalidatingMutation(
    (body) =>
      sdk.client.fetch<AdminRemoveWaitlistEntriesResponse>(`${sessionPath(variantId)}/remove`, {
        method: "POST",
        body,
      }),
    () => [waitlistQueryKeys.lists(), waitlistQueryKeys.detail(variantId)],
    options
  )

/** `POST /admin/sessions/:session_id/waitlist/settings`: the organizer turns the session's waitlist on or off. */
export const useSetSessionWaitlistEnabled = (
  variantId: string,
  options?: MutationOptions<AdminSessionWaitlistSettingResponse, AdminWaitlistSettingPayload>
) =>
  useInvalidatingMutation(
    (body) =>
      sdk.client.fetch<AdminSessionWaitlistSettingResponse>(
        `${sessionPath(variantId)}/settings`,
        { method: "POST", body }
      ),
    () => [waitlistQueryKeys.lists(), waitlistQueryKeys.detail(variantId)],
    options
  )

const eventSettingsKey = (productId: string) => [...waitlistQueryKeys.all, "event-settings", productId]

/** `GET /admin/events/:event_id/waitlist-settings`: which sessions of the event have a waitlist. */
export const useEventWaitlistSettings = (productId: string) =>
  useQuery({
    queryKey: eventSettingsKey(productId),
    queryFn: () =>
      sdk.client.fetch<AdminEventWaitlistSettingsResponse>(
        `/admin/events/${encodeURIComponent(productId)}/waitlist-settings`
      ),
  })

/** Sets the event's own setting, or one session's (`session_id`); null clears it. */
export const useSetEventWaitlistEnabled = (productId: string) =>
  useInvalidatingMutation(
    ({ session_id, enabled }: { session_id?: string; enabled: boolean | null }) =>
      sdk.client.fetch<unknown>(
        session_id
          ? `${sessionPath(session_id)}/settings`
          : `/admin/events/${encodeURIComponent(productId)}/waitlist-settings`,
        { method: "POST", body: { enabled } }
      ),
    (_, { session_id }) => [
      eventSettingsKey(productId),
      waitlistQueryKeys.lists(),
      ...(session_id ? [waitlistQueryKeys.detail(session_id)] : []),
    ]
  )
