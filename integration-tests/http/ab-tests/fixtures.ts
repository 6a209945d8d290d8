import type { AxiosInstance } from "axios"

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

export const abEvent = (overrides: Record<string, unknown> = {}) => ({
  test_id: "abt_checkout_cta",
  event_id: EVENT_ID,
  session_token: "sess_1",
  variant_id: "control",
  event_type: "variant_view",
  ...overrides,
})

/** Posts events through the store track route in batches of 500; returns the summed receipt counts. */
export async function trackAll(api: AxiosInstance, store: Headers, events: Record<string, unknown>[]) {
  const totals = { accepted: 0, duplicates: 0, rejected: 0 }
  for (let i = 0; i < events.length; i += 500) {
    const response = await api.post("/store/ab-tests/track", { events: events.slice(i, i + 500) }, store)
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
    const session_token = `${options.prefix ?? variantId}_${i}`
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
