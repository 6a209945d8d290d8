/** Aggregated counts for one variant of an A/B test. */
export type VariantCounts = {
  variant_id: string
  /** Assignment weight (any positive scale; normalised when comparing with traffic). */
  weight: number
  /** Sessions that saw the variant (impressions). */
  sessions: number
  /** Sessions that converted (at most `sessions`). */
  conversions: number
  /** Sum of goal value over all sessions (non-converting sessions count as 0). */
  revenue_sum: number
  /** Sum of squared goal value per session. */
  revenue_sum_sq: number
}

/** Conversion counts only: what the proportion tests need. */
export type ConversionCounts = Pick<VariantCounts, "sessions" | "conversions">

export type ChiSquareResult = {
  statistic: number
  df: number
  p_value: number
}

export type SrmResult = ChiSquareResult & {
  /** `false` when p < 0.001: traffic split does not match the configured weights. */
  ok: boolean
}

export type TwoProportionResult = {
  z: number
  /** Two-sided. */
  p_value: number
  /** Relative lift of the variant over control, as a fraction (0.123 = +12.3%); null when control rate is 0. */
  lift: number | null
  /** 95% Wald interval for `variant rate - control rate` (absolute, fractions); null when an arm is empty. */
  ci95: [number, number] | null
}

export type WelchResult = {
  t: number
  df: number
  /** Two-sided. */
  p_value: number
}
