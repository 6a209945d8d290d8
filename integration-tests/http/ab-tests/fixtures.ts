import type { AxiosInstance } from "axios"
import { assignVariant } from "../../../src/shared/ab-assignment"

type Headers = { headers: Record<string, string> }

export const EVENT_ID = "prod_event_1"

export const abTestBody = (overrides: Record<string, unknown> = {}) => ({
  test_id: "abt_checkout_cta",
  event_id: EVENT_ID,
  name: "Checkout CTA",
  variants: [
    { id: "control", name: "Blue button", weight: 50 },
    { id: "green", name: "Green button", weight: 50 },
  ],
  primary_goal: "purchase",
  ...overrides,
})

/** Creates a test through the admin API and starts it. */
export async function createRunningAbTest(api: AxiosInstance, admin: Headers, overrides: Record<string, unknown> = {}) {
  const body = abTestBody(overrides)
  await api.post("/admin/ab-tests", body, admin)
  const started = await api.post(`/admin/ab-tests/${body.test_id}/start`, {}, admin)
  return started.data.ab_test
}

const DEFAULT_VARIANTS = abTestBody().variants

/** The variant the shared DJB2 rule gives a session in a test with the default variants. */
export const assignedVariant = (sessionToken: string, testId = "abt_checkout_cta") =>
  assignVariant(sessionToken, testId, DEFAULT_VARIANTS)

/** Tokens found so far per (variant, test, prefix), and the next candidate index: each search resumes. */
const tokenCache = new Map<string, { tokens: string[]; next: number }>()

/** The `n`-th session token (`<prefix>_<j>`) the rule assigns to `variantId`: honest traffic for that variant. */
export function sessionFor(variantId: string, n = 0, testId = "abt_checkout_cta", prefix = variantId) {
  const key = `${variantId}\n${testId}\n${prefix}`
  const entry = tokenCache.get(key) ?? { tokens: [], next: 0 }
  tokenCache.set(key, entry)
  while (entry.tokens.length <= n) {
    const token = `${prefix}_${entry.next++}`
    if (assignedVariant(token, testId) === variantId) {
      entry.tokens.push(token)
    }
  }
  return entry.tokens[n]
}

/** An A/B event as an honest storefront sends it: the variant is the one the rule assigns, unless overridden. */
export const abEvent = (overrides: Record<string, unknown> = {}) => {
  const event = {
    test_id: "abt_checkout_cta",
    event_id: EVENT_ID,
    session_token: "sess_1",
    event_type: "variant_view",
    ...overrides,
  }
  const sessionToken = typeof event.session_token === "string" ? event.session_token : "sess_1"
  return { variant_id: assignedVariant(sessionToken, String(event.test_id)), ...event }
}

/** Posts events through the store track route in batches of 500; returns the summed receipt counts. */
export async function trackAll(api: AxiosInstance, store: Headers, events: Record<string, unknown>[]) {
  const totals = { accepted: 0, duplicates: 0, rejected: 0 }
  for (let i = 0; i < events.length; i += 500) {
    const response = await api
      .post("/store/ab-tests/track", { events: events.slice(i, i + 500) }, store)
      .catch((e) => {
        // A plain error: an axios error cannot cross jest's worker boundary (circular).
        throw new Error(`track answered ${e.response?.status ?? e.message} (batch at ${i}): ${JSON.stringify(e.response?.data)}`)
      })
    totals.accepted += response.data.accepted
    totals.duplicates += response.data.duplicates
    totals.rejected += response.data.rejected.length
  }
  return totals
}

/**
 * Events for one variant: `sessions` views, the first `conversions` sessions convert on `goal`
 * with the per-session values in `values` (cycled), if any.
 */
export function variantFixture(
  variantId: string,
  sessions: number,
  conversions: number,
  options: { testId?: string; goal?: string; values?: number[]; prefix?: string } = {}
) {
  const events: Record<string, unknown>[] = []
  const testId = options.testId ?? "abt_checkout_cta"
  for (let i = 0; i < sessions; i++) {
    // Only sessions the rule assigns to the variant: the server rejects any other.
    const session_token = sessionFor(variantId, i, testId, options.prefix ?? variantId)
    events.push(abEvent({ test_id: testId, session_token, variant_id: variantId }))
    if (i < conversions) {
      const value = options.values?.length ? options.values[i % options.values.length] : undefined
      events.push(
        abEvent({
          test_id: testId,
          session_token,
          variant_id: variantId,
          event_type: "goal_conversion",
          goal: options.goal ?? "purchase",
          ...(value !== undefined ? { goal_value: value } : {}),
        })
      )
    }
  }
  return events
}
