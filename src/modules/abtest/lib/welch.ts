import { studentTTwoSidedP } from "./distributions"
import type { WelchResult } from "./types"

/** Mean and unbiased (n − 1) sample variance from n, Σx and Σx²; variance is null when n < 2. */
export function meanVarianceFromSums(
  n: number,
  sum: number,
  sumSq: number
): { mean: number; variance: number | null } {
  if (!(n > 0)) return { mean: 0, variance: null }
  const mean = sum / n
  if (n < 2) return { mean, variance: null }
  // Clamp tiny negative values produced by floating-point cancellation.
  const variance = Math.max(0, (sumSq - (sum * sum) / n) / (n - 1))
  return { mean, variance }
}

/**
 * Welch's unequal-variance t-test of B against A (t = (meanB − meanA) / SE) with Welch–Satterthwaite df
 * and a two-sided p-value; null when either n < 2. Zero standard error: p = 1 if the means match, else 0.
 */
export function welchTTest(
  meanA: number,
  varA: number,
  nA: number,
  meanB: number,
  varB: number,
  nB: number
): WelchResult | null {
  if (!(nA >= 2 && nB >= 2)) return null
  const a = Math.max(0, varA) / nA
  const b = Math.max(0, varB) / nB
  const se2 = a + b
  const diff = meanB - meanA
  if (!(se2 > 0)) {
    const df = nA + nB - 2
    return diff === 0 ? { t: 0, df, p_value: 1 } : { t: Math.sign(diff) * Infinity, df, p_value: 0 }
  }
  const t = diff / Math.sqrt(se2)
  const df = (se2 * se2) / ((a * a) / (nA - 1) + (b * b) / (nB - 1))
  return { t, df, p_value: studentTTwoSidedP(t, df) }
}

/** Welch's t-test of per-session values from (n, Σx, Σx²) sums for arms A and B; null when either n < 2. */
export function welchTTestFromSums(
  a: { n: number; sum: number; sumSq: number },
  b: { n: number; sum: number; sumSq: number }
): WelchResult | null {
  const ma = meanVarianceFromSums(a.n, a.sum, a.sumSq)
  const mb = meanVarianceFromSums(b.n, b.sum, b.sumSq)
  if (ma.variance === null || mb.variance === null) return null
  return welchTTest(ma.mean, ma.variance, a.n, mb.mean, mb.variance, b.n)
}
