import { jStat } from "jstat"

/** Two-sided tail probability of a standard normal statistic: P(|Z| >= |z|). */
export function normalTwoSidedP(z: number): number {
  if (Number.isNaN(z)) return 1
  return Math.min(1, 2 * jStat.normal.cdf(-Math.abs(z), 0, 1))
}

/** Standard normal quantile: the z with P(Z <= z) = p. */
export function normalQuantile(p: number): number {
  return jStat.normal.inv(p, 0, 1)
}

/** Upper tail of the chi-square distribution: P(X >= x) with `df` degrees of freedom. */
export function chiSquareUpperTail(x: number, df: number): number {
  if (df <= 0 || !(x > 0)) return 1
  if (x === Infinity) return 0
  return Math.min(1, Math.max(0, 1 - jStat.chisquare.cdf(x, df)))
}

/** Two-sided tail probability of Student's t: P(|T| >= |t|) with `df` (may be fractional). */
export function studentTTwoSidedP(t: number, df: number): number {
  if (Number.isNaN(t) || !(df > 0)) return 1
  if (!Number.isFinite(t)) return 0
  return Math.min(1, Math.max(0, 2 * jStat.studentt.cdf(-Math.abs(t), df)))
}
