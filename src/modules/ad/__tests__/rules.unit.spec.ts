import { isAdEligible } from "../lib/eligibility"
import { detectRequestIvt, isClickTooFast } from "../lib/ivt"
import { adRevenue, buildDeliveryStats } from "../lib/pricing"
import { assertValidAdConfig } from "../lib/validate-ad"
import { capKey } from "../service"
import { viewerKey } from "../lib/viewer"

const base = {
  is_active: true,
  is_archived: false,
  placements: ["SIDEBAR" as const],
  target_sessions: [] as string[],
  starts_at: "2026-06-01T10:00:00.000Z",
  ends_at: "2026-06-01T12:00:00.000Z",
  weight: 1,
}
const at = (iso: string) => ({ placement: "SIDEBAR", now: new Date(iso) })

describe("isAdEligible", () => {
  it("treats the schedule as [starts_at, ends_at)", () => {
    expect(isAdEligible(base, at("2026-06-01T09:59:59.999Z"))).toBe(false)
    expect(isAdEligible(base, at("2026-06-01T10:00:00.000Z"))).toBe(true)
    expect(isAdEligible(base, at("2026-06-01T11:59:59.999Z"))).toBe(true)
    expect(isAdEligible(base, at("2026-06-01T12:00:00.000Z"))).toBe(false)
    expect(isAdEligible({ ...base, starts_at: null, ends_at: null }, at("2030-01-01T00:00:00Z"))).toBe(true)
  })

  it("checks placement, session targeting, activity, archive and weight", () => {
    const now = "2026-06-01T11:00:00Z"
    expect(isAdEligible(base, { ...at(now), placement: "CHECKOUT" })).toBe(false)
    const targeted = { ...base, target_sessions: ["variant_1"] }
    expect(isAdEligible(targeted, at(now))).toBe(false)
    expect(isAdEligible(targeted, { ...at(now), session_id: "variant_2" })).toBe(false)
    expect(isAdEligible(targeted, { ...at(now), session_id: "variant_1" })).toBe(true)
    expect(isAdEligible({ ...base, is_active: false }, at(now))).toBe(false)
    expect(isAdEligible({ ...base, is_archived: true }, at(now))).toBe(false)
    expect(isAdEligible({ ...base, weight: 0 }, at(now))).toBe(false)
  })
})

describe("IVT rules", () => {
  const browser = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 Chrome/126.0 Safari/537.36"
  it("flags bots, headless browsers, scripts and prefetches", () => {
    for (const ua of ["Googlebot/2.1", "HeadlessChrome/120", "curl/8.0", "python-requests/2.31", "Baiduspider", "AhrefsCrawler"]) {
      expect(detectRequestIvt({ user_agent: ua, headers: {} })).toBe("bot_user_agent")
    }
    expect(detectRequestIvt({ user_agent: null, headers: {} })).toBe("bot_user_agent")
    expect(detectRequestIvt({ user_agent: browser, headers: { purpose: "prefetch" } })).toBe("prefetch")
    expect(detectRequestIvt({ user_agent: browser, headers: { "sec-purpose": "prefetch;prerender" } })).toBe("prefetch")
    expect(detectRequestIvt({ user_agent: browser, headers: { "x-moz": "prefetch" } })).toBe("prefetch")
    expect(detectRequestIvt({ user_agent: browser, headers: {} })).toBeNull()
  })

  it("flags a click within 1 s of the impression", () => {
    const click = new Date("2026-06-01T10:00:01.000Z")
    expect(isClickTooFast("2026-06-01T10:00:00.500Z", click)).toBe(true)
    expect(isClickTooFast("2026-06-01T10:00:00.000Z", click)).toBe(false)
    expect(isClickTooFast("2026-06-01T10:00:01.400Z", click)).toBe(true)
    expect(isClickTooFast("2026-06-01T10:00:02.500Z", click)).toBe(false)
    expect(isClickTooFast(null, click)).toBe(false)
  })
})

describe("pricing and stats", () => {
  it("computes revenue from the price model", () => {
    expect(adRevenue("FLAT", 500, { impressions: 10, clicks: 2 })).toBe(500)
    expect(adRevenue("CPM", 12.5, { impressions: 2000, clicks: 2 })).toBe(25)
    expect(adRevenue("CPC", 0.75, { impressions: 2000, clicks: 4 })).toBe(3)
  })

  it("computes CTR and viewable CTR from valid traffic only", () => {
    const stats = buildDeliveryStats("CPC", 1, {
      impressions: 200,
      viewable_impressions: 100,
      clicks: 5,
      ivt_impressions: 50,
      ivt_clicks: 9,
      ivt_reasons: { impressions: { bot_user_agent: 50 }, clicks: { click_too_fast: 9 } },
    })
    expect(stats).toMatchObject({ ctr: 0.025, viewable_ctr: 0.05, revenue: 5, ivt_clicks: 9 })
    expect(buildDeliveryStats("FLAT", 0, { impressions: 0, viewable_impressions: 0, clicks: 0, ivt_impressions: 0, ivt_clicks: 0, ivt_reasons: { impressions: {}, clicks: {} } })).toMatchObject({ ctr: 0, viewable_ctr: 0 })
  })
})

describe("config, viewer and cap keys", () => {
  it("rejects a schedule that ends before it starts and a cap without window", () => {
    expect(() => assertValidAdConfig({ starts_at: "2026-01-02", ends_at: "2026-01-01" })).toThrow(/ends_at/)
    expect(() => assertValidAdConfig({ frequency_cap: 2, frequency_window_hours: 0 })).toThrow(/frequency_window_hours/)
    expect(() => assertValidAdConfig({ frequency_cap: 2, frequency_window_hours: 24 })).not.toThrow()
  })

  it("prefers the customer over the session token", () => {
    expect(viewerKey("cus_1", "tok")).toBe("customer:cus_1")
    expect(viewerKey(null, "tok")).toBe("token:tok")
    expect(viewerKey(null, undefined)).toBeNull()
  })

  it("names one Redis key per ad, viewer and window, expiring when the window ends", () => {
    const now = new Date("2026-06-01T10:30:00Z")
    const { key, ttlMs } = capKey("mad_1", "token:t", 1, now)
    expect(key).toBe(`monetization:ad-cap:mad_1:token:t:1h:${Math.floor(now.getTime() / 3_600_000)}`)
    expect(ttlMs).toBe(30 * 60_000 + 60_000)
    expect(capKey("mad_1", "token:t", 1, new Date("2026-06-01T10:59:59Z")).key).toBe(key)
  })
})
