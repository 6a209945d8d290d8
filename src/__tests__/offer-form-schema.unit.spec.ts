import {
  offerFormDefaults,
  offerFormSchema,
  OfferFormValues,
  toCreatePayload,
  toLocalInput,
  toUpdatePayload,
} from "../admin/components/offers/offer-form-schema"
import { AdminCreateOffer, AdminUpdateOffer } from "../api/admin/offers/validators"

const valid: OfferFormValues = {
  ...offerFormDefaults(undefined, "prod_event"),
  variant_id: "variant_merch",
  title: "Festival T-Shirt",
  price: "20",
  original_price: "30",
  currency_code: "EUR",
  inventory_total: "10",
  starts_at: "2026-06-01T10:00",
  expires_at: "2026-06-08T10:00",
  target_ticket_tiers: ["variant_tier"],
}

/** [label, form inputs, the same inputs as the server receives them]. */
const cases: Array<[string, Partial<OfferFormValues>, Record<string, unknown>]> = [
  ["a valid offer", {}, {}],
  [
    "no original price, stock or schedule",
    { original_price: "", inventory_total: "", starts_at: "", expires_at: "" },
    { original_price: null, inventory_total: null, starts_at: null, expires_at: null },
  ],
  ["a free offer", { price: "0", original_price: "0" }, { price: 0, original_price: 0 }],
  ["a negative price", { price: "-1" }, { price: -1 }],
  ["original_price below price", { original_price: "15" }, { original_price: 15 }],
  ["expires_at before starts_at", { expires_at: "2026-05-31T10:00" }, { expires_at: "2026-05-31T10:00:00Z" }],
  ["expires_at equal to starts_at", { expires_at: valid.starts_at }, { expires_at: toCreatePayload(valid).starts_at }],
  ["an empty title", { title: "" }, { title: "" }],
  ["a too long title", { title: "x".repeat(201) }, { title: "x".repeat(201) }],
  ["a fractional stock", { inventory_total: "2.5" }, { inventory_total: 2.5 }],
  ["a javascript: image URL", { image_url: "javascript:alert(1)" }, { image_url: "javascript:alert(1)" }],
  ["a zero per-customer limit", { max_per_customer: "0" }, { max_per_customer: 0 }],
  ["a per-customer limit and ticket holders only", { max_per_customer: "4", requires_ticket: true }, { max_per_customer: 4, requires_ticket: true }],
  ["a negative stock", { inventory_total: "-1" }, { inventory_total: -1 }],
  ["a 2-letter currency", { currency_code: "EU" }, { currency_code: "EU" }],
  ["an image that is not a URL", { image_url: "banner.png" }, { image_url: "banner.png" }],
  ["an image URL", { image_url: "https://cdn.example.com/shirt.png" }, { image_url: "https://cdn.example.com/shirt.png" }],
]

describe("offer form schema", () => {
  it.each(cases)("agrees with the server's validator on %s", (_label, form, body) => {
    const values = { ...valid, ...form }
    const client = offerFormSchema.safeParse(values)
    const server = AdminCreateOffer.safeParse({ ...toCreatePayload(valid), ...body })
    expect(client.success).toBe(server.success)
    if (client.success) {
      // What the form sends for accepted inputs is accepted too.
      expect(AdminCreateOffer.safeParse(toCreatePayload(values)).success).toBe(true)
    }
  })

  it("puts each cross-field error on the field to fix", () => {
    const original = offerFormSchema.safeParse({ ...valid, original_price: "15" })
    expect(original.error?.issues.map((issue) => issue.path)).toEqual([["original_price"]])
    const schedule = offerFormSchema.safeParse({ ...valid, expires_at: "2026-05-31T10:00" })
    expect(schedule.error?.issues.map((issue) => issue.path)).toEqual([["expires_at"]])
  })

  it("builds the bodies the server accepts, clearing emptied fields with null", () => {
    expect(toCreatePayload(valid)).toMatchObject({
      event_id: "prod_event",
      variant_id: "variant_merch",
      price: 20,
      original_price: 30,
      currency_code: "eur",
      inventory_total: 10,
      target_ticket_tiers: ["variant_tier"],
      target_sessions: [],
      is_active: true,
      starts_at: new Date("2026-06-01T10:00").toISOString(),
    })
    const cleared = toUpdatePayload({ ...valid, original_price: "", inventory_total: "", description: " ", starts_at: "" })
    expect(cleared).toMatchObject({ original_price: null, inventory_total: null, description: null, starts_at: null })
    expect(cleared).not.toHaveProperty("event_id")
    expect(AdminUpdateOffer.safeParse(cleared).success).toBe(true)
  })

  it("round-trips a stored schedule through the datetime-local inputs", () => {
    const stored = new Date("2026-06-01T10:30:00Z").toISOString()
    expect(new Date(toLocalInput(stored)).toISOString()).toBe(stored)
    expect(toLocalInput(null)).toBe("")
  })
})
