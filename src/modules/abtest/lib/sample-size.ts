import { normalQuantile } from "./distributions"

/**
 * Sessions needed per variant to detect conversion rates p1 vs p2 with a two-sided test at `alpha` and the
 * given power (normal approximation, pooled variance under H0, unpooled under H1, no continuity correction,
 * as in Fleiss, Levin & Paik, "Statistical Methods for Rates and Proportions", ch. 4). Infinity when p1 = p2.
 */
export function requiredSampleSizePerVariant(p1: number, p2: number, alpha = 0.05, power = 0.8): number {
  for (const [name, p] of [["p1", p1], ["p2", p2]] as const) {
    if (!(p >= 0 && p <= 1)) throw new RangeError(`${name} must be within [0, 1] (got ${p})`)
  }
  if (!(alpha > 0 && alpha < 1)) throw new RangeError(`alpha must be within (0, 1) (got ${alpha})`)
  if (!(power > 0 && power < 1)) throw new RangeError(`power must be within (0, 1) (got ${power})`)
  const delta = Math.abs(p1 - p2)
  if (delta === 0) return Infinity
  const zAlpha = normalQuantile(1 - alpha / 2)
  const zBeta = normalQuantile(power)
  const pBar = (p1 + p2) / 2
  const numerator =
    zAlpha * Math.sqrt(2 * pBar * (1 - pBar)) + zBeta * Math.sqrt(p1 * (1 - p1) + p2 * (1 - p2))
  return Math.ceil((numerator * numerator) / (delta * delta))
}
