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
  audit: AdminWaitlistAudit[]
}

export type AdminSessionWaitlistResponse = {
  session: AdminSessionInventory
  waitlist_entries: AdminWaitlistEntry[]
  count: number
}

export type AdminOfferNextPayload = { count: number }

export type AdminOfferNextResponse = {
  offered: { entry_id: string; session_id: string; customer_id: string; quantity: number; expires_at: string }[]
  expired: string[]
}

export const waitlistQueryKeys = queryKeysFactory<"waitlist">("waitlist")

type QueryOptions<T> = Omit<UseQueryOptions<T, FetchError, T, QueryKey>, "queryKey" | "queryFn">

const sessionPath = (sessionId: string) => `/admin/sessions/${encodeURIComponent(sessionId)}/waitlist`

/** `GET /admin/waitlists`: every session that has a waitlist. */
export const useWaitlists = (options?: QueryOptions<AdminWaitlistListResponse>) => {
  const { data, ...rest } = useQuery({
    queryKey: waitlistQueryKeys.list(),
    queryFn: () => sdk.client.fetch<AdminWaitlistListResponse>("/admin/waitlists"),
    ...options,
  })
  return { ...data, ...rest }
}

/** `GET /admin/sessions/:session_id/waitlist`: seat counts and the FIFO entries with their audit trail. */
export const useSessionWaitlist = (sessionId: string, options?: QueryOptions<AdminSessionWaitlistResponse>) => {
  const { data, ...rest } = useQuery({
    queryKey: waitlistQueryKeys.detail(sessionId),
    queryFn: () => sdk.client.fetch<AdminSessionWaitlistResponse>(sessionPath(sessionId)),
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
