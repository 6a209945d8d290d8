import { chiSquareUpperTail } from "./distributions"
import type { ChiSquareResult, ConversionCounts } from "./types"
import { assertValidCounts } from "./validate"

/**
 * Pearson chi-square test of independence on the 2×k table (conversions vs non-conversions per variant),
 * without continuity correction. Empty variants are dropped; a degenerate table (df 0) gives p = 1.
 */
export function chiSquareIndependence(variants: ConversionCounts[]): ChiSquareResult {
  variants.forEach((v, i) => assertValidCounts(v.sessions, v.conversions, `variants[${i}]`))
  const columns = variants.filter((v) => v.sessions > 0)
  const total = columns.reduce((s, v) => s + v.sessions, 0)
  const converted = columns.reduce((s, v) => s + v.conversions, 0)
  const rowTotals = [converted, total - converted]
  const nonEmptyRows = rowTotals.filter((r) => r > 0).length
  const df = Math.max(0, nonEmptyRows - 1) * Math.max(0, columns.length - 1)
  if (df === 0) {
    return { statistic: 0, df, p_value: 1 }
  }
  let statistic = 0
  for (const v of columns) {
    const cells = [v.conversions, v.sessions - v.conversions]
    cells.forEach((observed, row) => {
      const expected = (rowTotals[row] * v.sessions) / total
      statistic += ((observed - expected) * (observed - expected)) / expected
    })
  }
  return { statistic, df, p_value: chiSquareUpperTail(statistic, df) }
}
