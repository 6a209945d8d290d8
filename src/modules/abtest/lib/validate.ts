import type { VariantCounts } from "./types"

function nonNegative(value: unknown, label: string): void {
  if (typeof value !== "number" || !Number.isFinite(value) || value < 0) {
    throw new RangeError(`${label} must be a finite number >= 0 (got ${String(value)})`)
  }
}

/** Throws a RangeError when counts are negative, non-finite, or conversions exceed sessions. */
export function assertValidCounts(sessions: number, conversions: number, label = "variant"): void {
  nonNegative(sessions, `${label}.sessions`)
  nonNegative(conversions, `${label}.conversions`)
  if (conversions > sessions) {
    throw new RangeError(`${label}.conversions (${conversions}) exceeds sessions (${sessions})`)
  }
}

/** Throws a RangeError on an invalid variant list (ids, weights, counts, revenue sums). */
export function assertValidVariants(variants: VariantCounts[]): void {
  if (!Array.isArray(variants) || variants.length === 0) {
    throw new RangeError("at least one variant is required")
  }
  const seen = new Set<string>()
  for (const v of variants) {
    const label = `variant ${v.variant_id}`
    if (seen.has(v.variant_id)) {
      throw new RangeError(`duplicate variant_id ${v.variant_id}`)
    }
    seen.add(v.variant_id)
    nonNegative(v.weight, `${label}.weight`)
    assertValidCounts(v.sessions, v.conversions, label)
    if (typeof v.revenue_sum !== "number" || !Number.isFinite(v.revenue_sum)) {
      throw new RangeError(`${label}.revenue_sum must be a finite number`)
    }
    nonNegative(v.revenue_sum_sq, `${label}.revenue_sum_sq`)
  }
}
