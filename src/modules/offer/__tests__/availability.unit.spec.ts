import { inventoryOf, isEligible, matchesSession, unavailableReason } from "../availability"

const now = new Date("2026-06-01T12:00:00Z")
const base = {
  id: "moff_1",
  is_active: true,
  is_archived: false,
  starts_at: "2026-05-01T00:00:00Z",
  expires_at: "2026-07-01T00:00:00Z",
  inventory_total: 10,
  sold: 4,
  held: 3,
  target_ticket_tiers: [],
  target_sessions: [],
}

describe("offer availability", () => {
  it("computes inventory and answers null when buyable", () => {
    expect(inventoryOf(base)).toEqual({ total: 10, sold: 4, reserved: 3, available: 3 })
    expect(inventoryOf({ ...base, inventory_total: null }).available).toBeNull()
    expect(unavailableReason(base, { now, purchasedVariantIds: null, quantity: 3 })).toBeNull()
  })

  it("names each reason", () => {
    const ctx = { now, purchasedVariantIds: null }
    expect(unavailableReason({ ...base, is_active: false }, ctx)).toBe("INACTIVE")
    expect(unavailableReason({ ...base, is_archived: true }, ctx)).toBe("INACTIVE")
    expect(unavailableReason({ ...base, starts_at: "2026-06-02T00:00:00Z" }, ctx)).toBe("NOT_STARTED")
    expect(unavailableReason({ ...base, expires_at: "2026-06-01T11:00:00Z" }, ctx)).toBe("EXPIRED")
    expect(unavailableReason({ ...base, target_ticket_tiers: ["var_vip"] }, ctx)).toBe("NOT_ELIGIBLE")
    expect(unavailableReason(base, { ...ctx, quantity: 4 })).toBe("SOLD_OUT")
  })

  it("targets tiers and sessions", () => {
    const vip = { ...base, target_ticket_tiers: ["var_vip"], target_sessions: ["var_s1"] }
    expect(isEligible(vip, null)).toBe(false)
    expect(isEligible(vip, ["var_ga"])).toBe(false)
    expect(isEligible(vip, ["var_vip"])).toBe(true)
    expect(matchesSession(vip, undefined)).toBe(false)
    expect(matchesSession(vip, "var_s1")).toBe(true)
    expect(matchesSession(base, undefined)).toBe(true)
  })
})
