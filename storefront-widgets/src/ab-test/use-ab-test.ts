"use client"

import { useCallback, useEffect } from "react"
import { ABVariantWeight, assignVariant } from "../../../src/shared/ab-assignment.js"
import { abTrackerFor, useABTrackerGetter } from "../config.js"
import type { MonetizationConfig } from "../store-api.js"
import { useSessionToken } from "../hydration.js"
import { getSessionToken } from "../session-token.js"
import { ABTestEvent, ABTrackOutcome } from "./ab-tracker.js"

export type { ABTestEvent, ABTrackOutcome } from "./ab-tracker.js"

export type ABTestOptions = {
  /** The event (Medusa product) the test belongs to: required, the server rejects events without it. */
  eventId: string
  /** Overrides the stored session token, e.g. one read from a cookie during server rendering. */
  sessionToken?: string
}

export type ConversionOptions = ABTestOptions & {
  goalAchieved?: boolean
  /** In major units, like every amount in the contract (0 up to the server's `abTests.maxGoalValue`). */
  goalValue?: number
}

/** Views already queued in this page's lifetime, keyed by session and test. */
const viewed = new Set<string>()

function conversionEvent(testId: string, variantId: string, sessionToken: string, options: ConversionOptions): ABTestEvent {
  return {
    test_id: testId,
    event_id: options.eventId,
    session_token: sessionToken,
    variant_id: variantId,
    event_type: "goal_conversion",
    goal_achieved: options.goalAchieved ?? true,
    ...(options.goalValue !== undefined ? { goal_value: options.goalValue } : {}),
  }
}

/**
 * Records a conversion for the variant this session is assigned to, outside React. Batched with
 * the config's other A/B events (sent on page hide at the latest); resolves with the server's
 * verdict on this event, e.g. `{ status: "rejected", reason }` for a session whose view was never recorded.
 */
export function trackConversion(
  config: MonetizationConfig,
  testId: string,
  variants: ABVariantWeight[],
  options: ConversionOptions
): Promise<ABTrackOutcome> {
  const sessionToken = options.sessionToken ?? getSessionToken()
  const variantId = assignVariant(sessionToken, testId, variants)
  return abTrackerFor(config).track(conversionEvent(testId, variantId, sessionToken, options))
}

/**
 * The variant this session sees; queues one `variant_view` per session and test for the page's
 * lifetime. `variant` is null on the server and while hydrating (the session token lives in the
 * browser) unless `options.sessionToken` is given: render a neutral placeholder for null.
 */
export function useABTest(testId: string, variants: ABVariantWeight[], options: ABTestOptions) {
  const getABTracker = useABTrackerGetter()
  const storedToken = useSessionToken()
  const sessionToken = options.sessionToken ?? storedToken
  const { eventId: productId } = options
  const variant = sessionToken ? assignVariant(sessionToken, testId, variants) : null

  useEffect(() => {
    if (!sessionToken || !variant) return
    const key = `${sessionToken}\u0000${testId}`
    if (viewed.has(key)) {
      return
    }
    viewed.add(key)
    const view: ABTestEvent = {
      test_id: testId,
      event_id: productId,
      session_token: sessionToken,
      variant_id: variant,
      event_type: "variant_view",
    }
    // A rejected view may be sent again by a later mount; analytics must never break the page.
    void getABTracker()
      .track(view)
      .then((outcome) => {
        if (outcome.status === "rejected") viewed.delete(key)
      })
  }, [getABTracker, sessionToken, testId, variant, productId])

  const trackConversionForVariant = useCallback(
    (goalAchieved?: boolean, goalValue?: number): Promise<ABTrackOutcome> =>
      sessionToken && variant
        ? getABTracker().track(conversionEvent(testId, variant, sessionToken, { eventId: productId, goalAchieved, goalValue }))
        : Promise.resolve({ status: "rejected", reason: "not hydrated yet: no session token" }),
    [getABTracker, testId, variant, sessionToken, productId]
  )

  return { variant, trackConversion: trackConversionForVariant }
}
