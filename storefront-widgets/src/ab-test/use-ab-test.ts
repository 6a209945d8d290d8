import { useCallback, useEffect, useState } from "react"
import { ABVariantWeight, assignVariant } from "../../../src/shared/ab-assignment"
import { MonetizationConfig, storeFetch, useMonetizationConfig } from "../config"
import { getSessionToken } from "../session-token"

export type ABTestEvent = {
  test_id: string
  event_id?: string
  session_token: string
  variant_id: string
  event_type: "variant_view" | "goal_conversion" | "secondary_metric"
  goal_achieved?: boolean
  goal_value?: number
}

export type ABTestOptions = {
  /** The event (Medusa product) the test belongs to. */
  eventId?: string
  /** Overrides the stored session token, e.g. one read from a cookie during server rendering. */
  sessionToken?: string
}

export type ConversionOptions = ABTestOptions & {
  goalAchieved?: boolean
  /** In major units, like every amount in the contract. */
  goalValue?: number
}

/** Views already sent in this page's lifetime, keyed by session and test. */
const viewed = new Set<string>()

export function postABTestEvents(config: MonetizationConfig, events: ABTestEvent[]): Promise<unknown> {
  return storeFetch(config, "/store/ab-tests/track", { method: "POST", body: JSON.stringify({ events }) })
}

function conversionEvent(testId: string, variantId: string, sessionToken: string, options: ConversionOptions): ABTestEvent {
  return {
    test_id: testId,
    event_id: options.eventId,
    session_token: sessionToken,
    variant_id: variantId,
    event_type: "goal_conversion",
    goal_achieved: options.goalAchieved ?? true,
    goal_value: options.goalValue,
  }
}

/** Records a conversion for the variant this session is assigned to, outside React. */
export async function trackConversion(
  config: MonetizationConfig,
  testId: string,
  variants: ABVariantWeight[],
  options: ConversionOptions = {}
): Promise<void> {
  const sessionToken = options.sessionToken ?? getSessionToken()
  const variantId = assignVariant(sessionToken, testId, variants)
  await postABTestEvents(config, [conversionEvent(testId, variantId, sessionToken, options)])
}

/** The variant this session sees; sends one `variant_view` per session and test for the page's lifetime. */
export function useABTest(testId: string, variants: ABVariantWeight[], options: ABTestOptions = {}) {
  const config = useMonetizationConfig()
  const [storedToken] = useState(getSessionToken)
  const sessionToken = options.sessionToken ?? storedToken
  const { eventId } = options
  const variant = assignVariant(sessionToken, testId, variants)

  useEffect(() => {
    const key = `${sessionToken}\u0000${testId}`
    if (viewed.has(key)) {
      return
    }
    viewed.add(key)
    const view: ABTestEvent = {
      test_id: testId,
      event_id: eventId,
      session_token: sessionToken,
      variant_id: variant,
      event_type: "variant_view",
    }
    // A failed view is retried by a later mount; analytics must never break the page.
    postABTestEvents(config, [view]).catch(() => viewed.delete(key))
  }, [config, sessionToken, testId, variant, eventId])

  const trackConversionForVariant = useCallback(
    async (goalAchieved?: boolean, goalValue?: number) => {
      const event = conversionEvent(testId, variant, sessionToken, { eventId, goalAchieved, goalValue })
      await postABTestEvents(config, [event])
    },
    [config, testId, variant, sessionToken, eventId]
  )

  return { variant, trackConversion: trackConversionForVariant }
}
