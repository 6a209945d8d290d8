"use client"

import { useQuery, useQueryClient } from "@tanstack/react-query"
import { useCallback, useEffect, useMemo, useState } from "react"
import { io, Socket } from "socket.io-client"
import { useMonetizationConfig } from "../config.js"
import { StoreApiError, storeFetch } from "../store-api.js"
import type {
  StoreWaitlistAcceptResponse,
  StoreWaitlistEntryResponse,
  WaitlistEntry,
  WaitlistOffer,
} from "../types.js"

export type { WaitlistEntry, WaitlistOffer, WaitlistStatus } from "../types.js"

export const WAITLIST_EVENTS = {
  POSITION_UPDATE: "WAITLIST_POSITION_UPDATE",
  OFFER: "WAITLIST_OFFER",
  OFFER_EXPIRED: "WAITLIST_OFFER_EXPIRED",
} as const

export function waitlistQueryKey(variantId: string, token: string | undefined) {
  return ["medusa-monetization", "waitlist", variantId, token ?? null] as const
}

/** The join token only arrives by socket; keep it for this tab so a reload can still accept. */
const offerStorageKey = (variantId: string) => `em_waitlist_offer:${variantId}`

function loadOffer(variantId: string): WaitlistOffer | null {
  try {
    const raw = window.sessionStorage.getItem(offerStorageKey(variantId))
    const offer = raw ? (JSON.parse(raw) as WaitlistOffer) : null
    return offer && Date.parse(offer.expires_at) > Date.now() ? offer : null
  } catch {
    return null
  }
}

function saveOffer(variantId: string, offer: WaitlistOffer | null) {
  try {
    if (offer) window.sessionStorage.setItem(offerStorageKey(variantId), JSON.stringify(offer))
    else window.sessionStorage.removeItem(offerStorageKey(variantId))
  } catch {
    // Storage unavailable: the offer lives in memory only.
  }
}

/** Join tokens taken from accept links, per session (storage for a reload or a login, memory as a fallback). */
const linkTokens = new Map<string, string>()
const linkTokenKey = (variantId: string) => `em_waitlist_link:${variantId}`

/**
 * An accept link (`…?session_id=…&join_token=…`, sent by the plugin's notification) carries the
 * join token: this moves it out of the address bar (history, referrers, screenshots) into this
 * tab's storage. It never accepts anything: mail scanners open links, so accepting takes the
 * logged-in customer's click. Call it as early as the page starts; `useSessionWaitlist` calls it too.
 */
export function takeJoinTokenFromUrl(): { session_id: string | null; join_token: string } | null {
  if (typeof window === "undefined") return null
  const url = new URL(window.location.href)
  const joinToken = url.searchParams.get("join_token")
  if (!joinToken) return null
  const variantId = url.searchParams.get("session_id")
  url.searchParams.delete("join_token")
  window.history.replaceState(window.history.state, "", `${url.pathname}${url.search}${url.hash}`)
  const key = variantId ?? "*"
  linkTokens.set(key, joinToken)
  try {
    window.sessionStorage.setItem(linkTokenKey(key), joinToken)
  } catch {
    // Storage unavailable: the token lives in memory only.
  }
  return { session_id: variantId, join_token: joinToken }
}

function readLinkToken(variantId: string): string | null {
  for (const key of [variantId, "*"]) {
    let stored: string | null = null
    try {
      stored = window.sessionStorage.getItem(linkTokenKey(key))
    } catch {
      stored = null
    }
    const joinToken = linkTokens.get(key) ?? stored
    if (joinToken) return joinToken
  }
  return null
}

function clearLinkToken(variantId: string) {
  for (const key of [variantId, "*"]) {
    linkTokens.delete(key)
    try {
      window.sessionStorage.removeItem(linkTokenKey(key))
    } catch {
      // nothing stored
    }
  }
}

export type UseSessionWaitlistOptions = {
  /** Socket.io server URL; defaults to the provider's `baseUrl`. */
  socketUrl?: string
  socketPath?: string
}

/** A customer's place on a full session's waitlist: REST state kept live by Socket.io pushes. */
export function useSessionWaitlist(variantId: string, options: UseSessionWaitlistOptions = {}) {
  const config = useMonetizationConfig()
  const client = useQueryClient()
  const token = config.getCustomerToken?.()
  const key = useMemo(() => waitlistQueryKey(variantId, token), [variantId, token])
  const [offer, setOfferState] = useState<WaitlistOffer | null>(() => loadOffer(variantId))
  const [expiredMessage, setExpiredMessage] = useState<string | null>(null)
  const [connected, setConnected] = useState(false)
  const [pending, setPending] = useState(false)
  const [actionError, setActionError] = useState<Error | null>(null)
  const [cart, setCart] = useState<StoreWaitlistAcceptResponse["cart"] | null>(null)

  const setOffer = useCallback(
    (next: WaitlistOffer | null) => {
      saveOffer(variantId, next)
      setOfferState(next)
    },
    [variantId]
  )

  const query = useQuery({
    queryKey: key,
    enabled: !!token,
    retry: false,
    queryFn: async ({ signal }) => {
      try {
        const body = await storeFetch<StoreWaitlistEntryResponse>(
          config,
          `/store/sessions/${encodeURIComponent(variantId)}/waitlist`,
          { signal }
        )
        return body.waitlist_entry
      } catch (e) {
        if (e instanceof StoreApiError && e.status === 404) return null
        throw e
      }
    },
  })

  // A token from an accept link becomes the open offer once the entry is known to be offered.
  useEffect(() => {
    takeJoinTokenFromUrl()
  }, [])
  const loaded = query.data
  useEffect(() => {
    if (!loaded) return
    const linkToken = readLinkToken(variantId)
    if (!linkToken) return
    if (loaded.status !== "OFFERED" || !loaded.offer?.expires_at) {
      if (loaded.status !== "WAITING") clearLinkToken(variantId)
      return
    }
    if (!offer) {
      setOffer({ session_id: variantId, join_token: linkToken, expires_at: loaded.offer.expires_at, title: "A seat is available!" })
    }
  }, [loaded, variantId, offer, setOffer])

  const patchEntry = useCallback(
    (patch: Partial<WaitlistEntry>) =>
      client.setQueryData<WaitlistEntry | null>(key, (prev) => (prev ? { ...prev, ...patch } : prev)),
    [client, key]
  )

  useEffect(() => {
    if (!token) return
    const socket: Socket = io(options.socketUrl ?? config.baseUrl, {
      path: options.socketPath ?? "/socket.io",
      auth: { token },
      transports: ["websocket"],
      reconnection: true,
    })
    const mine = (payload: { session_id?: string } | undefined) => payload?.session_id === variantId
    socket.on("connect", () => {
      setConnected(true)
      // Resync whatever was pushed while disconnected.
      void client.invalidateQueries({ queryKey: key })
    })
    socket.on("disconnect", () => setConnected(false))
    socket.on(WAITLIST_EVENTS.POSITION_UPDATE, (p: { session_id: string; position: number; total: number; estimated_wait_minutes: number }) => {
      if (!mine(p)) return
      patchEntry({ position: p.position, total: p.total, estimated_wait_minutes: p.estimated_wait_minutes })
    })
    socket.on(WAITLIST_EVENTS.OFFER, (p: WaitlistOffer) => {
      if (!mine(p)) return
      setExpiredMessage(null)
      setOffer(p)
      patchEntry({ status: "OFFERED", offer: { expires_at: p.expires_at } })
    })
    socket.on(WAITLIST_EVENTS.OFFER_EXPIRED, (p: { session_id: string; message?: string }) => {
      if (!mine(p)) return
      setOffer(null)
      setExpiredMessage(p.message ?? "Your offer has expired.")
      patchEntry({ status: "EXPIRED", offer: null })
    })
    return () => {
      socket.removeAllListeners()
      socket.disconnect()
      setConnected(false)
    }
  }, [token, variantId, config.baseUrl, options.socketUrl, options.socketPath, client, key, patchEntry, setOffer])

  const run = useCallback(async <T,>(fn: () => Promise<T>): Promise<T | undefined> => {
    setPending(true)
    setActionError(null)
    try {
      return await fn()
    } catch (e) {
      setActionError(e as Error)
      return undefined
    } finally {
      setPending(false)
    }
  }, [])

  const base = `/store/sessions/${encodeURIComponent(variantId)}/waitlist`

  const join = useCallback(
    (quantity?: number) =>
      run(async () => {
        const body = await storeFetch<StoreWaitlistEntryResponse>(config, base, {
          method: "POST",
          body: JSON.stringify(quantity ? { quantity } : {}),
        })
        setExpiredMessage(null)
        client.setQueryData(key, body.waitlist_entry)
        return body.waitlist_entry
      }),
    [run, config, base, client, key]
  )

  const leave = useCallback(
    () =>
      run(async () => {
        await storeFetch(config, base, { method: "DELETE" })
        setOffer(null)
        client.setQueryData(key, null)
      }),
    [run, config, base, client, key, setOffer]
  )

  const respond = useCallback(
    (action: "accept" | "decline") =>
      run(async () => {
        if (!offer) throw new Error("There is no open offer")
        const body = await storeFetch<Partial<StoreWaitlistAcceptResponse>>(config, `${base}/${action}`, {
          method: "POST",
          body: JSON.stringify({ join_token: offer.join_token }),
        })
        setOffer(null)
        clearLinkToken(variantId)
        if (body?.cart) setCart(body.cart)
        if (body?.waitlist_entry) client.setQueryData(key, body.waitlist_entry)
        else patchEntry({ status: action === "accept" ? "ACCEPTED" : "DECLINED", offer: null })
        return body
      }),
    [run, offer, config, base, setOffer, client, key, patchEntry, variantId]
  )
  const accept = useCallback(() => respond("accept"), [respond])
  const decline = useCallback(() => respond("decline"), [respond])

  const entry = query.data ?? null
  // An offer only counts while the entry is offered (or its state is still loading).
  const activeOffer = offer && (!entry || entry.status === "OFFERED") ? offer : null

  return {
    entry,
    offer: activeOffer,
    expiredMessage,
    cart,
    connected,
    isLoggedIn: !!token,
    isLoading: query.isLoading,
    isPending: pending,
    error: actionError ?? (query.error as Error | null),
    join,
    leave,
    accept,
    decline,
    refetch: query.refetch,
  }
}
