import { currentMonetizationPath } from "../admin/components/monetization-paths"

describe("currentMonetizationPath", () => {
  it.each([
    ["/offers", "/monetization/offers"],
    ["/waitlists/variant_1", "/monetization/waitlists/variant_1"],
    ["/experiments", "/monetization/ab-tests"],
    ["/experiments/checkout-banner", "/monetization/ab-tests/checkout-banner"],
    ["/monetization/experiments", "/monetization/ab-tests"],
    ["/monetization/experiments/checkout-banner", "/monetization/ab-tests/checkout-banner"],
  ])("moves %s to %s", (from, to) => {
    expect(currentMonetizationPath(from)).toBe(to)
  })
})
