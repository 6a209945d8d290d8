import type { MedusaContainer } from "@medusajs/framework/types"
import { createAdWorkflow } from "../../../src/workflows/ad"
import type { CreateAdStepInput } from "../../../src/workflows/ad"

export const BROWSER_UA = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Safari/537.36"

let counter = 0
/** A fresh event id per test: the serving cache outlives the per-test database reset. */
export const uniqueEventId = () => `prod_ads_${Date.now().toString(36)}_${counter++}`

export const adInput = (eventId: string, overrides: Partial<CreateAdStepInput> = {}): CreateAdStepInput => ({
  event_id: eventId,
  name: "Sponsor banner",
  content_type: "BANNER",
  media_url: "https://cdn.example.com/banner.png",
  click_url: "https://sponsor.example.com/landing",
  display_duration_seconds: 10,
  placements: ["SIDEBAR"],
  target_sessions: [],
  weight: 1,
  // Uncapped unless a test sets a cap: the model's default (3 per 24 h) would stop repeated serves.
  frequency_cap: null,
  frequency_window_hours: 24,
  is_active: true,
  pricing_model: "FLAT",
  rate: 0,
  currency_code: "eur",
  ...overrides,
})

export async function createAd(container: MedusaContainer, eventId: string, overrides: Partial<CreateAdStepInput> = {}) {
  const { result } = await createAdWorkflow(container).run({ input: adInput(eventId, overrides) })
  return result
}

export const impression = (adId: string, overrides: Record<string, unknown> = {}) => ({
  id: `imp_${Math.random().toString(36).slice(2, 14)}`,
  ad_id: adId,
  placement: "SIDEBAR",
  session_token: "tok_anon",
  timestamp: new Date(Date.now() - 5_000).toISOString(),
  ...overrides,
})

export async function pollUntil<T>(read: () => Promise<T>, done: (value: T) => boolean, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs
  let value = await read()
  while (!done(value) && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 100))
    value = await read()
  }
  return value
}

/**
 * Waits while the clock is within `marginMs` of a cap window's edge: caps count in fixed
 * windows (`floor(time / window)`), so impressions a test sends a second apart could
 * otherwise land in two windows.
 */
export async function clearOfCapWindowEdge(windowHours: number, marginMs = 30_000) {
  const windowMs = windowHours * 3_600_000
  const nearEdge = () => {
    const into = Date.now() % windowMs
    return into < marginMs || into > windowMs - marginMs
  }
  while (nearEdge()) {
    await new Promise((resolve) => setTimeout(resolve, 1_000))
  }
}
