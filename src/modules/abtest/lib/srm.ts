import { chiSquareUpperTail } from "./distributions"
import type { SrmResult } from "./types"

/** p-value below which the traffic split is flagged as a sample ratio mismatch. */
export const SRM_P_THRESHOLD = 0.001

/**
 * Sample ratio mismatch check: chi-square goodness of fit of observed per-variant counts against the
 * configured weights (any positive scale). Traffic into a zero-weight arm is an immediate mismatch.
 */
export function sampleRatioMismatch(observed: number[], weights: number[]): SrmResult {
  if (observed.length !== weights.length) {
    throw new RangeError(`observed (${observed.length}) and weights (${weights.length}) differ in length`)
  }
  observed.forEach((o, i) => {
    if (!Number.isFinite(o) || o < 0) throw new RangeError(`observed[${i}] must be a finite number >= 0`)
  })
  weights.forEach((w, i) => {
    if (!Number.isFinite(w) || w < 0) throw new RangeError(`weights[${i}] must be a finite number >= 0`)
  })
  const weightSum = weights.reduce((s, w) => s + w, 0)
  if (weightSum <= 0) {
    throw new RangeError("at least one weight must be positive")
  }
  const total = observed.reduce((s, o) => s + o, 0)
  const df = Math.max(0, weights.filter((w) => w > 0).length - 1)
  if (total === 0) {
    return { statistic: 0, df, p_value: 1, ok: true }
  }
  let statistic = 0
  observed.forEach((o, i) => {
    const expected = (total * weights[i]) / weightSum
    if (expected === 0) {
      if (o > 0) statistic = Infinity
      return
    }
    statistic += ((o - expected) * (o - expected)) / expected
  })
  const p_value = statistic === Infinity ? 0 : chiSquareUpperTail(statistic, df)
  return { statistic, df, p_value, ok: p_value >= SRM_P_THRESHOLD }
}
