import {
  abTestFormDefaults,
  abTestFormSchema,
  AbTestFormValues,
  toCreatePayload,
  toUpdatePayload,
  trafficShares,
} from "../admin/components/ab-tests/ab-test-form-schema"
import { AdminCreateAbTest, AdminUpdateAbTest } from "../api/admin/ab-tests/validators"

const valid: AbTestFormValues = {
  ...abTestFormDefaults(undefined, "prod_event"),
  test_id: "checkout-banner",
  name: "Checkout banner copy",
}

const variants = (...rows: Array<[string, string, string]>) => rows.map(([id, name, weight]) => ({ id, name, weight }))

/** [label, form inputs, the same inputs as the server receives them]. */
const cases: Array<[string, Partial<AbTestFormValues>, Record<string, unknown>]> = [
  ["a valid A/B test", {}, {}],
  ["a 2-character key", { test_id: "ab" }, { test_id: "ab" }],
  ["a key starting with '-'", { test_id: "-banner" }, { test_id: "-banner" }],
  ["a key with a space", { test_id: "check out" }, { test_id: "check out" }],
  ["a 64-character key", { test_id: "k".repeat(64) }, { test_id: "k".repeat(64) }],
  ["a 65-character key", { test_id: "k".repeat(65) }, { test_id: "k".repeat(65) }],
  ["no event", { event_id: "" }, { event_id: "" }],
  ["an empty name", { name: "" }, { name: "" }],
  ["a too long name", { name: "x".repeat(201) }, { name: "x".repeat(201) }],
  ["a too long description", { description: "x".repeat(2001) }, { description: "x".repeat(2001) }],
  ["a goal with a colon", { primary_goal: "buy:now" }, { primary_goal: "buy:now" }],
  ["a dotted goal", { primary_goal: "checkout.completed" }, { primary_goal: "checkout.completed" }],
  [
    "one variant",
    { variants: variants(["control", "Control", "50"]) },
    { variants: [{ id: "control", name: "Control", weight: 50 }] },
  ],
  [
    "eleven variants",
    { variants: variants(...Array.from({ length: 11 }, (_, i): [string, string, string] => [`v${i}`, "", "1"])) },
    { variants: Array.from({ length: 11 }, (_, i) => ({ id: `v${i}`, weight: 1 })) },
  ],
  [
    "a variant id used twice",
    { variants: variants(["a", "", "1"], ["a", "", "1"]) },
    { variants: [{ id: "a", weight: 1 }, { id: "a", weight: 1 }] },
  ],
  [
    "an empty variant id",
    { variants: variants(["control", "", "1"], ["", "", "1"]) },
    { variants: [{ id: "control", weight: 1 }, { id: "", weight: 1 }] },
  ],
  [
    "a negative weight",
    { variants: variants(["a", "", "-1"], ["b", "", "2"]) },
    { variants: [{ id: "a", weight: -1 }, { id: "b", weight: 2 }] },
  ],
  [
    "weights adding up to 0",
    { variants: variants(["a", "", "0"], ["b", "", "0"]) },
    { variants: [{ id: "a", weight: 0 }, { id: "b", weight: 0 }] },
  ],
  [
    "fractional weights and unnamed variants",
    { variants: variants(["a", "", "0.5"], ["b", "", "1.5"]) },
    { variants: [{ id: "a", weight: 0.5 }, { id: "b", weight: 1.5 }] },
  ],
  [
    "a too long variant name",
    { variants: variants(["a", "x".repeat(201), "1"], ["b", "", "1"]) },
    { variants: [{ id: "a", name: "x".repeat(201), weight: 1 }, { id: "b", weight: 1 }] },
  ],
]

describe("A/B test form schema", () => {
  it.each(cases)("agrees with the server's validator on %s", (_label, form, body) => {
    const values = { ...valid, ...form }
    const client = abTestFormSchema.safeParse(values)
    const server = AdminCreateAbTest.safeParse({ ...toCreatePayload(valid), ...body })
    expect(client.success).toBe(server.success)
    if (client.success) {
      // What the form sends for accepted inputs is accepted too.
      expect(AdminCreateAbTest.safeParse(toCreatePayload(values)).success).toBe(true)
    }
  })

  it("an empty weight is refused on its row, not sent as 0", () => {
    const result = abTestFormSchema.safeParse({ ...valid, variants: variants(["a", "", ""], ["b", "", "1"]) })
    expect(result.error?.issues.map((issue) => issue.path)).toEqual([["variants", 0, "weight"]])
  })

  it("puts a repeated variant id on the row that repeats it", () => {
    const result = abTestFormSchema.safeParse({ ...valid, variants: variants(["a", "", "1"], ["a", "", "1"]) })
    expect(result.error?.issues.map((issue) => issue.path)).toEqual([["variants", 1, "id"]])
  })

  it("builds the bodies the server accepts: unnamed variants named by id, an empty description cleared", () => {
    const values = { ...valid, description: " ", variants: variants(["control", "", "1"], ["variant_b", " Urgency ", "3"]) }
    expect(toCreatePayload(values)).toEqual({
      test_id: "checkout-banner",
      event_id: "prod_event",
      name: "Checkout banner copy",
      description: null,
      primary_goal: "conversion",
      variants: [
        { id: "control", name: "control", weight: 1 },
        { id: "variant_b", name: "Urgency", weight: 3 },
      ],
    })
    const update = toUpdatePayload(values)
    expect(update).not.toHaveProperty("test_id")
    expect(AdminUpdateAbTest.safeParse(update).success).toBe(true)
  })

  it("starts a new A/B test with a control and one variant, and edits a stored one as it is", () => {
    expect(abTestFormDefaults(undefined, "prod_event").variants.map((variant) => variant.id)).toEqual(["control", "variant_b"])
    const stored = abTestFormDefaults({
      test_id: "hero",
      event_id: "prod_1",
      name: "Hero",
      description: null,
      primary_goal: "signup",
      variants: [
        { id: "a", name: "A", weight: 1 },
        { id: "b", name: "B", weight: 3 },
      ],
    } as Parameters<typeof abTestFormDefaults>[0])
    expect(stored).toMatchObject({ test_id: "hero", description: "", variants: [{ id: "a", weight: "1" }, { id: "b", weight: "3" }] })
  })

  it("shows each variant's share of the traffic", () => {
    expect(trafficShares([{ weight: "1" }, { weight: "3" }])).toEqual([25, 75])
    expect(trafficShares([{ weight: "0" }, { weight: "" }])).toEqual([null, null])
  })
})
