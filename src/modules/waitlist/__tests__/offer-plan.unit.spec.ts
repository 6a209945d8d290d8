import { OfferCandidate, planOffers } from "../offer-plan"

const entry = (id: string, quantity: number, extra: Partial<OfferCandidate> = {}): OfferCandidate => ({
  id,
  quantity,
  skip_count: 0,
  accept_partial: false,
  ...extra,
})

describe("planOffers", () => {
  it("offers the first entries that fit; the head that does not fit keeps its place and counts a skip", () => {
    const plan = planOffers({
      candidates: [entry("head", 10), entry("b", 3), entry("c", 1), entry("d", 1)],
      free: 2,
      unreserved: 20,
      maxSkips: 3,
    })
    expect(plan.offers).toEqual([
      { id: "c", quantity: 1, partial: false },
      { id: "d", quantity: 1, partial: false },
    ])
    expect(plan.skipped_head).toBe("head")
    expect(plan.unclaimed).toBe(0)
  })

  it("offers the head in full when it fits", () => {
    const plan = planOffers({ candidates: [entry("head", 2), entry("b", 1)], free: 3, unreserved: 3, maxSkips: 3 })
    expect(plan.offers.map((o) => o.id)).toEqual(["head", "b"])
    expect(plan.skipped_head).toBeNull()
  })

  it("after maxSkips the free seats accumulate for the head (public sale stays closed)", () => {
    const plan = planOffers({
      candidates: [entry("head", 4, { skip_count: 3 }), entry("b", 1)],
      free: 2,
      unreserved: 10,
      maxSkips: 3,
    })
    expect(plan.offers).toEqual([])
    expect(plan.reserved_for_head).toBe(2)
    expect(plan.unclaimed).toBe(0)
  })

  it("never accumulates for a head that can never fit (more than the unsold seats)", () => {
    const plan = planOffers({
      candidates: [entry("head", 4, { skip_count: 9 }), entry("b", 1)],
      free: 2,
      unreserved: 3,
      maxSkips: 3,
    })
    expect(plan.offers.map((o) => o.id)).toEqual(["b"])
    expect(plan.unclaimed).toBe(1)
  })

  it("gives a head that accepts partial offers what is free", () => {
    const plan = planOffers({
      candidates: [entry("head", 10, { accept_partial: true }), entry("b", 1)],
      free: 2,
      unreserved: 10,
      maxSkips: 3,
    })
    expect(plan.offers).toEqual([{ id: "head", quantity: 2, partial: true }])
  })

  it("leaves seats nobody waiting can use to public sale and counts no skip when nobody was offered", () => {
    const plan = planOffers({ candidates: [entry("head", 3), entry("b", 4)], free: 1, unreserved: 3, maxSkips: 3 })
    expect(plan.offers).toEqual([])
    expect(plan.skipped_head).toBeNull()
    expect(plan.unclaimed).toBe(1)
  })
})
