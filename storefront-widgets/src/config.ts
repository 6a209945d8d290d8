import { createContext, createElement, ReactNode, useCallback, useContext, useEffect, useMemo, useRef } from "react"
import { createTracker, Tracker } from "./analytics/tracker"
import { ABTracker, createABTracker } from "./ab-test/ab-tracker"

export type MonetizationConfig = {
  /** Medusa backend URL, e.g. `https://api.example.com`. */
  baseUrl: string
  publishableKey: string
  /** The logged-in customer's bearer token, if any. */
  getCustomerToken?: () => string | undefined
}

type MonetizationContextValue = { config: MonetizationConfig; getTracker: () => Tracker; getABTracker: () => ABTracker }

const abTrackers = new WeakMap<MonetizationConfig, ABTracker>()

/**
 * The A/B tracker of a config (one per config object), for use outside the provider too. It lives
 * as long as its config: a page hide sends whatever it still holds, so nothing waits on an unmount.
 */
export function abTrackerFor(config: MonetizationConfig): ABTracker {
  let tracker = abTrackers.get(config)
  if (!tracker) {
    tracker = createABTracker({
      endpoint: `${config.baseUrl.replace(/\/+$/, "")}/store/ab-tests/track`,
      publishableKey: config.publishableKey,
      getAuthToken: config.getCustomerToken,
    })
    abTrackers.set(config, tracker)
  }
  return tracker
}

const MonetizationContext = createContext<MonetizationContextValue | null>(null)

export type MonetizationProviderProps = MonetizationConfig & { children?: ReactNode }

/** Gives widgets the backend URL, publishable key and customer token, and owns one analytics and one A/B tracker. */
export function MonetizationProvider({ baseUrl, publishableKey, getCustomerToken, children }: MonetizationProviderProps) {
  const tokenRef = useRef(getCustomerToken)
  tokenRef.current = getCustomerToken

  const config = useMemo<MonetizationConfig>(
    () => ({ baseUrl: baseUrl.replace(/\/+$/, ""), publishableKey, getCustomerToken: () => tokenRef.current?.() }),
    [baseUrl, publishableKey]
  )

  // Created lazily so children can track from their first effect (which runs before ours).
  const trackerRef = useRef<Tracker | null>(null)
  const getTracker = useCallback(() => {
    trackerRef.current ??= createTracker({
      endpoint: `${config.baseUrl}/store/analytics/track`,
      publishableKey: config.publishableKey,
      getAuthToken: config.getCustomerToken,
    })
    return trackerRef.current
  }, [config])

  const getABTracker = useCallback(() => abTrackerFor(config), [config])

  useEffect(
    () => () => {
      trackerRef.current?.destroy()
      trackerRef.current = null
    },
    [getTracker]
  )

  const value = useMemo(() => ({ config, getTracker, getABTracker }), [config, getTracker, getABTracker])
  return createElement(MonetizationContext.Provider, { value }, children)
}

function useMonetizationContext(): MonetizationContextValue {
  const value = useContext(MonetizationContext)
  if (!value) {
    throw new Error("Monetization widgets must be rendered inside <MonetizationProvider>")
  }
  return value
}

export function useMonetizationConfig(): MonetizationConfig {
  return useMonetizationContext().config
}

/** The provider's A/B tracker getter; use `useABTest()` instead. */
export function useABTrackerGetter(): () => ABTracker {
  return useMonetizationContext().getABTracker
}

/** The provider's tracker getter; use `useTrack()` instead. */
export function useTrackerGetter(): () => Tracker {
  return useMonetizationContext().getTracker
}

export class StoreApiError extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly type?: string
  ) {
    super(message)
    this.name = "StoreApiError"
  }
}

export type StoreFetchInit = Omit<RequestInit, "headers"> & { headers?: Record<string, string> }

/** `fetch` against a Medusa store route with the publishable key and the customer's bearer token. */
export async function storeFetch<T = unknown>(config: MonetizationConfig, path: string, init: StoreFetchInit = {}): Promise<T> {
  const token = config.getCustomerToken?.()
  const hasType = Object.keys(init.headers ?? {}).some((key) => key.toLowerCase() === "content-type")
  const headers: Record<string, string> = {
    ...(typeof init.body === "string" && !hasType ? { "content-type": "application/json" } : {}),
    ...init.headers,
    "x-publishable-api-key": config.publishableKey,
    ...(token ? { authorization: `Bearer ${token}` } : {}),
  }
  const res = await fetch(`${config.baseUrl.replace(/\/+$/, "")}${path}`, { ...init, headers })
  const text = await res.text()
  const body = text ? safeJson(text) : undefined
  if (!res.ok) {
    const error = (body ?? {}) as { type?: string; message?: string }
    throw new StoreApiError(error.message ?? `${res.status} ${res.statusText}`, res.status, error.type)
  }
  return body as T
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text)
  } catch {
    return undefined
  }
}
