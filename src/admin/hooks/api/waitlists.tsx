import { FetchError } from "@medusajs/js-sdk"
import { QueryKey, useQuery, UseQueryOptions } from "@tanstack/react-query"
import { queryKeysFactory } from "../../lib/query-keys"
import { sdk } from "../../lib/sdk"
import { MutationOptions, useInvalidatingMutation } from "./invalidating-mutation"

export type WaitlistStatus = "WAITING" | "OFFERED" | "ACCEPTED" | "EXPIRED" | "DECLINED" | "LEFT"

export type WaitlistAuditAction = "JOINED" | "LEFT" | "OFFERED" | "ACCEPTED" | "DECLINED" | "EXPIRED" | "CONSUMED"

/** One row of `GET /admin/waitlists`: entry counts by status; seats for held, capacity and sold. */
export type AdminWaitlistSummary = {
  session_id: string
  product_id: string | null
  title: string | null
  capacity: number | null
  sold: number | null
  offerable: number | null
  held: number
  waiting: number
  offered: number
  accepted: number
  expired: number
  declined: number
  left: number
}

export type AdminWaitlistListResponse = {
  waitlists: AdminWaitlistSummary[]
  count: number
  offset: number
  limit: number
}

/** Seat counts of one session (`GET /admin/sessions/:session_id/waitlist`). */
export type AdminSessionInventory = {
  session_id: string
  product_id: string
  title: string
  capacity: number
  sold: number
  unreserved: number
  held: number
  waiting: number
  public_available: number
  offerable: number
  /** Whether customers may join (the session's own setting, else its product's). */
  waitlist_enabled: boolean
}

export type AdminWaitlistAudit = {
  id: string
  entry_id: string
  action: WaitlistAuditAction
  at: string
  details: Record<string, unknown> | null
}

export type AdminWaitlistEntry = {
  id: string
  session_id: string
  customer_id: string
  customer: { id: string; email: string | null; first_name: string | null; last_name: string | null } | null
  quantity: number
  status: WaitlistStatus
  seq: number
  /** Place in line while WAITING, else null. */
  position: number | null
  offered_at: string | null
  offer_expires_at: string | null
  token_used_at: string | null
  accepted_at: string | null
  consumed_at: string | null
  cart_id: string | null
  created_at: string
  /** An accepted seat returns to the pool when its cart is not completed by then. */
  checkout_expires_at: string | null
  /** Offer rounds in which this entry, at the head, was passed over for entries that fit. */
  skip_count: number
  accept_partial: boolean
  audit: AdminWaitlistAudit[]
}

export type AdminWaitlistStatusCounts = Record<Lowercase<WaitlistStatus>, number>

/** One page of a session's entries; `count` and `status_counts` cover every entry of the session. */
export type AdminSessionWaitlistResponse = {
  session: AdminSessionInventory
  status_counts: AdminWaitlistStatusCounts
  waitlist_entries: AdminWaitlistEntry[]
  count: number
  offset: number
  limit: number
}

export type AdminSessionWaitlistQuery = { limit: number; offset: number }

export type AdminOfferNextPayload = { count: number }

export type AdminOfferNextResponse = {
  offered: { entry_id: string; session_id: string; customer_id: string; quantity: number; expires_at: string }[]
  expired: string[]
}

export const waitlistQueryKeys = queryKeysFactory<"waitlist">("waitlist")

type QueryOptions<T> = Omit<UseQueryOptions<T, FetchError, T, QueryKey>, "queryKey" | "queryFn">

const sessionPath = (sessionId: string) => `/admin/sessions/${encodeURIComponent(sessionId)}/waitlist`

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
  sessionId: string,
  page: AdminSessionWaitlistQuery,
  options?: QueryOptions<AdminSessionWaitlistResponse>
) => {
  const { data, ...rest } = useQuery({
    // Under detail(sessionId), so the mutations' invalidation reaches every page.
    queryKey: [...waitlistQueryKeys.detail(sessionId), page],
    queryFn: () => sdk.client.fetch<AdminSessionWaitlistResponse>(sessionPath(sessionId), { query: page }),
    ...options,
  })
  return { ...data, ...rest }
}

/** `POST /admin/sessions/:session_id/waitlist/offer-next`. */
export const useOfferNextWaitlistSeats = (
  sessionId: string,
  options?: MutationOptions<AdminOfferNextResponse, AdminOfferNextPayload>
) =>
  useInvalidatingMutation(
    (body) => sdk.client.fetch<AdminOfferNextResponse>(`${sessionPath(sessionId)}/offer-next`, { method: "POST", body }),
    () => [waitlistQueryKeys.lists(), waitlistQueryKeys.detail(sessionId)],
    options
  )

export type AdminWaitlistEntryIdsPayload = { entry_ids: string[] }
export type AdminEndedWaitlistEntry = { id: string; previous_status: WaitlistStatus; reason: string }

/** `POST /admin/sessions/:session_id/waitlist/release`: held seats go back to the pool and are offered on. */
export const useReleaseWaitlistEntries = (
  sessionId: string,
  options?: MutationOptions<{ released: AdminEndedWaitlistEntry[]; count: number }, AdminWaitlistEntryIdsPayload>
) =>
  useInvalidatingMutation(
    (body) =>
      sdk.client.fetch<{ released: AdminEndedWaitlistEntry[]; count: number }>(`${sessionPath(sessionId)}/release`, {
        method: "POST",
        body,
      }),
    () => [waitlistQueryKeys.lists(), waitlistQueryKeys.detail(sessionId)],
    options
  )

/** `POST /admin/sessions/:session_id/waitlist/remove`: entries leave the list; their seats are offered on. */
export const useRemoveWaitlistEntries = (
  sessionId: string,
  options?: MutationOptions<{ removed: AdminEndedWaitlistEntry[]; count: number }, AdminWaitlistEntryIdsPayload>
) =>
  useInvalidatingMutation(
    (body) =>
      sdk.client.fetch<{ removed: AdminEndedWaitlistEntry[]; count: number }>(`${sessionPath(sessionId)}/remove`, {
        method: "POST",
        body,
      }),
    () => [waitlistQueryKeys.lists(), waitlistQueryKeys.detail(sessionId)],
    options
  )

/** `POST /admin/sessions/:session_id/waitlist/settings`: the organizer turns the session's waitlist on or off. */
export const useSetSessionWaitlistEnabled = (
  sessionId: string,
  options?: MutationOptions<{ waitlist_setting: { session_id: string; enabled: boolean | null } }, { enabled: boolean | null }>
) =>
  useInvalidatingMutation(
    (body) =>
      sdk.client.fetch<{ waitlist_setting: { session_id: string; enabled: boolean | null } }>(
        `${sessionPath(sessionId)}/settings`,
        { method: "POST", body }
      ),
    () => [waitlistQueryKeys.lists(), waitlistQueryKeys.detail(sessionId)],
    options
  )

export type AdminEventWaitlistSettings = {
  event_id: string
  /** The product-level setting (every session), null when unset. */
  enabled: boolean | null
  sessions: { session_id: string; title: string | null; own: boolean | null; enabled: boolean }[]
}

const eventSettingsKey = (eventId: string) => [...waitlistQueryKeys.all, "event-settings", eventId]

/** `GET /admin/events/:event_id/waitlist-settings`: which sessions of the event have a waitlist. */
export const useEventWaitlistSettings = (eventId: string) =>
  useQuery({
    queryKey: eventSettingsKey(eventId),
    queryFn: () =>
      sdk.client.fetch<{ waitlist_settings: AdminEventWaitlistSettings }>(
        `/admin/events/${encodeURIComponent(eventId)}/waitlist-settings`
      ),
  })

/** Sets the event's own setting, or one session's (`session_id`); null clears it. */
export const useSetEventWaitlistEnabled = (eventId: string) =>
  useInvalidatingMutation(
    ({ session_id, enabled }: { session_id?: string; enabled: boolean | null }) =>
      sdk.client.fetch<unknown>(
        session_id
          ? `${sessionPath(session_id)}/settings`
          : `/admin/events/${encodeURIComponent(eventId)}/waitlist-settings`,
        { method: "POST", body: { enabled } }
      ),
    (_, { session_id }) => [
      eventSettingsKey(eventId),
      waitlistQueryKeys.lists(),
      ...(session_id ? [waitlistQueryKeys.detail(session_id)] : []),
    ]
  )
