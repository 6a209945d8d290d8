/** Rounds to `digits` decimals (half away from zero for the usual cases). */
export function round(value: number, digits = 2): number {
  const f = 10 ** digits
  return Math.round(value * f) / f
}

/** "97%", "96.9%", ">99.9%" for a confidence given in percent. */
export function formatConfidence(percent: number): string {
  if (percent >= 99.95) return ">99.9%"
  return `${Number(percent.toFixed(1))}%`
}

/** "+12.3%" / "-8.1%" for a relative lift given as a fraction. */
export function formatLift(fraction: number): string {
  const pct = Number((fraction * 100).toFixed(1))
  return `${pct > 0 ? "+" : ""}${pct}%`
}

/** "+1.2" / "-0.4" for a rate difference given as a fraction, in percentage points. */
export function formatPoints(fraction: number): string {
  const pts = Number((fraction * 100).toFixed(2))
  return `${pts > 0 ? "+" : ""}${pts}`
}

/** "p = 0.042" or "p < 0.0001". */
export function formatP(p: number): string {
  if (p < 0.0001) return "p < 0.0001"
  return `p = ${Number(p.toPrecision(2))}`
}
