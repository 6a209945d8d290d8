"use client"

import { useSyncExternalStore } from "react"
import { getSessionToken } from "./session-token.js"

const subscribeNever = () => () => undefined

/**
 * False on the server and while hydrating, true after. What only the browser knows (its session
 * token, the customer's token in storage) waits for it, so the first client render matches the
 * server's HTML.
 */
export function useHydrated(): boolean {
  return useSyncExternalStore(subscribeNever, () => true, () => false)
}

/** This browser's session token; null on the server and while hydrating. */
export function useSessionToken(): string | null {
  return useSyncExternalStore(subscribeNever, getSessionToken, () => null)
}
