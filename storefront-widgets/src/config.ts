"use client"

import {
  createContext,
  createElement,
  ReactNode,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useRef,
} from "react"
import { createTracker, Tracker } from "./analytics/tracker.js"
import { ABTracker, createABTracker } from "./ab-test/ab-tracker.js"
import { useHydrated } from "./hydration.js"
import type { MonetizationConfig } from "./store-api.js"

type MonetizationContextValue = {
  config: MonetizationConfig
  getTracker: () => Tracker
  getABTracker: () => ABTracker
  hydrated: boolean
}

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
  // The server cannot read the customer's token: widgets render logged out until hydrated, as on the server.
  const hydrated = useHydrated()
  const hydratedRef = useRef(hydrated)
  hydratedRef.current = hydrated

  const config = useMemo<MonetizationConfig>(
    () => ({
      baseUrl: baseUrl.replace(/\/+$/, ""),
      publishableKey,
      getCustomerToken: () => (hydratedRef.current ? tokenRef.current?.() : undefined),
    }),
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

  // A new value once hydrated re-renders the widgets, now with the customer's token.
  const value = useMemo(
    () => ({ config, getTracker, getABTracker, hydrated }),
    [config, getTracker, getABTracker, hydrated]
  )
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
