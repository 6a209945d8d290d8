/**
 * The contract's A/B assignment rule, shared by the server and the storefront
 * widgets. Pure and import-free so both builds can include it as is.
 */

export type ABVariantWeight = { id: string; weight: number }

export type ABAssignmentVector = {
  session_token: string
  test_id: string
  variants: ABVariantWeight[]
  expected_variant: string
  hash: number
}

/** DJB2 over UTF-16 code units (`charCodeAt`), as an unsigned 32-bit integer. */
export function djb2(str: string): number {
  let h = 5381
  for (let i = 0; i < str.length; i++) {
    // Math.imul gives the low 32 bits of h*33 (signed); + code unit, then >>> 0, equals (h*33 + c) & 0xFFFFFFFF.
    h = (Math.imul(h, 33) + str.charCodeAt(i)) >>> 0
  }
  return h
}

/** Picks the variant id for a session: `h % n` when weights are equal, else `(h % 10000) / 10000` against cumulative weights. */
export function assignVariant(sessionToken: string, testId: string, variants: ABVariantWeight[]): string {
  if (!variants.length) {
    throw new Error(`A/B test ${testId} has no variants`)
  }
  if (variants.some((v) => !Number.isFinite(v.weight) || v.weight < 0)) {
    throw new Error(`A/B test ${testId} has an invalid variant weight`)
  }
  const h = djb2(sessionToken + testId)
  const first = variants[0].weight
  if (variants.every((v) => v.weight === first)) {
    return variants[h % variants.length].id
  }
  const total = variants.reduce((sum, v) => sum + v.weight, 0)
  const r = (h % 10000) / 10000
  let cumulative = 0
  for (const v of variants) {
    cumulative += v.weight / total
    if (r < cumulative) {
      return v.id
    }
  }
  // Rounding can leave the last cumulative just under 1: fall back to the last weighted variant.
  return [...variants].reverse().find((v) => v.weight > 0)!.id
}

/**
 * Published vectors. Expected values were computed with an independent Python
 * implementation (`h = (h*33 + ord(c)) & 0xFFFFFFFF`, same weighting rule),
 * not with this file.
 */
export const AB_ASSIGNMENT_VECTORS: ABAssignmentVector[] = [
  {
    session_token: "sess_abc",
    test_id: "checkout_button_color",
    variants: [
      { id: "control", weight: 50 },
      { id: "green_button", weight: 50 },
    ],
    expected_variant: "green_button",
    hash: 3886226807,
  },
  {
    session_token: "9b2f6c1e-4d3a-4f5e-8a7b-1c2d3e4f5a6b",
    test_id: "abt_hero_copy",
    variants: [
      { id: "a", weight: 1 },
      { id: "b", weight: 1 },
    ],
    expected_variant: "b",
    hash: 864088629,
  },
  {
    session_token: "sess_abc",
    test_id: "abt_offer_layout",
    variants: [
      { id: "grid", weight: 1 },
      { id: "list", weight: 1 },
      { id: "carousel", weight: 1 },
    ],
    expected_variant: "carousel",
    hash: 292117709,
  },
  {
    session_token: "em_7f3a9c",
    test_id: "abt_offer_layout",
    variants: [
      { id: "grid", weight: 33 },
      { id: "list", weight: 33 },
      { id: "carousel", weight: 33 },
    ],
    expected_variant: "list",
    hash: 2668393672,
  },
  {
    session_token: "sess_abc",
    test_id: "abt_upsell_price",
    variants: [
      { id: "control", weight: 90 },
      { id: "discount", weight: 10 },
    ],
    expected_variant: "control",
    hash: 3811083685,
  },
  {
    session_token: "sess_1",
    test_id: "abt_upsell_price",
    variants: [
      { id: "control", weight: 90 },
      { id: "discount", weight: 10 },
    ],
    expected_variant: "discount",
    hash: 1640909232,
  },
  {
    session_token: "sess_abc",
    test_id: "abt_rollout",
    variants: [
      { id: "old", weight: 0 },
      { id: "new", weight: 100 },
    ],
    expected_variant: "new",
    hash: 1052291375,
  },
  {
    session_token: "sess_q1",
    test_id: "abt_banner",
    variants: [
      { id: "a", weight: 70 },
      { id: "b", weight: 20 },
      { id: "c", weight: 10 },
    ],
    expected_variant: "c",
    hash: 2004599824,
  },
  {
    session_token: "séance_42",
    test_id: "abt_banner",
    variants: [
      { id: "a", weight: 70 },
      { id: "b", weight: 20 },
      { id: "c", weight: 10 },
    ],
    expected_variant: "a",
    hash: 3691324329,
  },
]
