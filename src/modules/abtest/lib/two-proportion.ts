import { normalQuantile, normalTwoSidedP } from "./distributions"
import type { ConversionCounts, TwoProportionResult } from "./types"
import { assertValidCounts } from "./validate"

/**
 * Two-sided two-proportion z-test of `variant` against `control` (pooled standard error), with the relative
 * lift and a 95% Wald interval for the rate difference. A zero standard error gives z = 0, p = 1.
 */
export function twoProportionTest(control: ConversionCounts, variant: ConversionCounts): TwoProportionResult {
  assertValidCounts(control.sessions, control.conversions, "control")
  assertValidCounts(variant.sessions, variant.conversions, "variant")
  const n1 = control.sessions
  const n2 = variant.sessions
  if (n1 === 0 || n2 === 0) {
    return { z: 0, p_value: 1, lift: null, ci95: null }
  }
  const p1 = control.conversions / n1
  const p2 = variant.conversions / n2
  const diff = p2 - p1
  const lift = p1 > 0 ? diff / p1 : null

  const zCrit = normalQuantile(0.975)
  const seUnpooled = Math.sqrt((p1 * (1 - p1)) / n1 + (p2 * (1 - p2)) / n2)
  const ci95: [number, number] = [diff - zCrit * seUnpooled, diff + zCrit * seUnpooled]

  const pooled = (control.conversions + variant.conversions) / (n1 + n2)
  const se = Math.sqrt(pooled * (1 - pooled) * (1 / n1 + 1 / n2))
  if (!(se > 0)) {
    return { z: 0, p_value: 1, lift, ci95 }
  }
  const z = diff / se
  return { z, p_value: normalTwoSidedP(z), lift, ci95 }
}
