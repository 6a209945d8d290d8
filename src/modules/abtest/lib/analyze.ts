import { chiSquareIndependence } from "./chi-square"
import { formatConfidence, formatLift, formatP, formatPoints, round } from "./format"
import { holm } from "./holm"
import { requiredSampleSizePerVariant } from "./sample-size"
import { sampleRatioMismatch } from "./srm"
import { twoProportionTest } from "./two-proportion"
import type { ChiSquareResult, SrmResult, TwoProportionResult, VariantCounts, WelchResult } from "./types"
import { assertValidVariants } from "./validate"
import { welchTTestFromSums } from "./welch"

export type AnalyzeOptions = {
  /** Control arm; defaults to the first variant. */
  control_variant_id?: string
  /** Family-wise significance level for the Holm-adjusted comparisons (default 0.05). */
  alpha?: number
  /** Power used for the "more sessions needed" estimate (default 0.8). */
  power?: number
  /** Sessions every compared arm needs before a winner can be called (default 100). */
  min_sessions_per_variant?: number
  /** Relative lift below which the observed effect counts as "no meaningful difference" (default 0.01 = 1%). */
  negligible_lift?: number
}

export type VariantAnalysis = {
  variant_id: string
  is_control: boolean
  impressions: number
  conversions: number
  /** Percent, 2 decimals. */
  conversion_rate: number
  /** revenue_sum / sessions; null without sessions. */
  revenue_per_session: number | null
  /** Two-sided two-proportion z-test vs control; null for the control. */
  p_value: number | null
  /** Holm-adjusted over all variant-vs-control comparisons; null for the control. */
  adjusted_p_value: number | null
  /** (1 − adjusted p) × 100, 2 decimals; null for the control. */
  confidence_level: number | null
  /** Relative conversion lift vs control in percent, 2 decimals; null for the control or when control rate is 0. */
  lift: number | null
  /** 95% interval of the conversion-rate difference vs control, in percentage points, 2 decimals. */
  ci95_difference_pp: [number, number] | null
}

export type RevenueComparison = {
  variant_id: string
  control_revenue_per_session: number | null
  revenue_per_session: number | null
  /** Welch's t-test of per-session revenue vs control (unadjusted); null when an arm has < 2 sessions. */
  welch: WelchResult | null
}

export type ExperimentAnalysis = {
  control_variant_id: string
  alpha: number
  total_impressions: number
  total_conversions: number
  variants: VariantAnalysis[]
  overall: { chi_square: ChiSquareResult }
  revenue: RevenueComparison[]
  srm: SrmResult
  winner: string | null
  /** Confidence (percent) of the winner, else of the leading challenger vs control; null on SRM or nothing to compare. */
  confidence: number | null
  /** Sessions per variant for the configured power at the observed leader-vs-control effect (Bonferroni alpha); null if no effect. */
  required_sessions_per_variant: number | null
  recommendation: string
}

type Arm = {
  counts: VariantCounts
  rate: number
  test: TwoProportionResult
  adjusted: number
}

const rateOf = (v: VariantCounts) => (v.sessions > 0 ? v.conversions / v.sessions : 0)

/**
 * Full A/B test read-out: per-variant rates and Holm-adjusted z-tests vs control, overall chi-square,
 * revenue Welch tests, SRM check, winner (only with SRM ok, enough sessions and adjusted p < alpha)
 * and a plain-language recommendation.
 */
export function analyzeExperiment(variants: VariantCounts[], opts: AnalyzeOptions = {}): ExperimentAnalysis {
  assertValidVariants(variants)
  const alpha = opts.alpha ?? 0.05
  const power = opts.power ?? 0.8
  const minSessions = opts.min_sessions_per_variant ?? 100
  const negligibleLift = opts.negligible_lift ?? 0.01
  if (!(alpha > 0 && alpha < 1)) throw new RangeError(`alpha must be within (0, 1) (got ${alpha})`)

  const controlIndex =
    opts.control_variant_id === undefined ? 0 : variants.findIndex((v) => v.variant_id === opts.control_variant_id)
  if (controlIndex < 0) {
    throw new RangeError(`control_variant_id ${opts.control_variant_id} is not one of the variants`)
  }
  const control = variants[controlIndex]
  const controlRate = rateOf(control)
  const challengers = variants.filter((_, i) => i !== controlIndex)

  const tests = challengers.map((v) => twoProportionTest(control, v))
  const adjusted = holm(tests.map((t) => t.p_value))
  const arms: Arm[] = challengers.map((counts, i) => ({
    counts,
    rate: rateOf(counts),
    test: tests[i],
    adjusted: adjusted[i],
  }))
  const armById = new Map(arms.map((a) => [a.counts.variant_id, a]))

  const variantRows: VariantAnalysis[] = variants.map((v) => {
    const arm = armById.get(v.variant_id)
    return {
      variant_id: v.variant_id,
      is_control: v === control,
      impressions: v.sessions,
      conversions: v.conversions,
      conversion_rate: round(rateOf(v) * 100, 2),
      revenue_per_session: v.sessions > 0 ? v.revenue_sum / v.sessions : null,
      p_value: arm ? arm.test.p_value : null,
      adjusted_p_value: arm ? arm.adjusted : null,
      confidence_level: arm ? round((1 - arm.adjusted) * 100, 2) : null,
      lift: arm && arm.test.lift !== null ? round(arm.test.lift * 100, 2) : null,
      ci95_difference_pp:
        arm && arm.test.ci95 ? [round(arm.test.ci95[0] * 100, 2), round(arm.test.ci95[1] * 100, 2)] : null,
    }
  })

  const revenue: RevenueComparison[] = challengers.map((v) => ({
    variant_id: v.variant_id,
    control_revenue_per_session: control.sessions > 0 ? control.revenue_sum / control.sessions : null,
    revenue_per_session: v.sessions > 0 ? v.revenue_sum / v.sessions : null,
    welch: welchTTestFromSums(
      { n: control.sessions, sum: control.revenue_sum, sumSq: control.revenue_sum_sq },
      { n: v.sessions, sum: v.revenue_sum, sumSq: v.revenue_sum_sq }
    ),
  }))

  const srm = sampleRatioMismatch(
    variants.map((v) => v.sessions),
    variants.map((v) => v.weight)
  )

  // Leader: the challenger with the highest observed conversion rate (first one on ties).
  const leader = arms.reduce<Arm | null>((best, a) => (best === null || a.rate > best.rate ? a : best), null)
  const required =
    leader && leader.rate !== controlRate
      ? requiredSampleSizePerVariant(controlRate, leader.rate, alpha / arms.length, power)
      : null

  const base = {
    control_variant_id: control.variant_id,
    alpha,
    total_impressions: variants.reduce((s, v) => s + v.sessions, 0),
    total_conversions: variants.reduce((s, v) => s + v.conversions, 0),
    variants: variantRows,
    overall: { chi_square: chiSquareIndependence(variants) },
    revenue,
    srm,
    required_sessions_per_variant: required,
  }
  const decision = decide()
  return { ...base, ...decision }

  function decide(): Pick<ExperimentAnalysis, "winner" | "confidence" | "recommendation"> {
    const c = control.variant_id
    if (!leader) {
      return { winner: null, confidence: null, recommendation: `Add at least one more variant to compare against ${c}.` }
    }
    if (!srm.ok) {
      return {
        winner: null,
        confidence: null,
        recommendation: `Stop: sample ratio mismatch (${formatP(srm.p_value)}) — check assignment and tracking before trusting results.`,
      }
    }
    const confidenceOf = (a: Arm) => round((1 - a.adjusted) * 100, 2)
    const liftText = (a: Arm) =>
      a.test.lift !== null ? `${formatLift(a.test.lift)} conversion` : `${formatPoints(a.rate - controlRate)} points conversion`
    const enough = (v: VariantCounts) => v.sessions >= minSessions

    // A challenger beats control.
    if (leader.rate > controlRate && leader.adjusted < alpha && enough(control) && enough(leader.counts)) {
      const confidence = confidenceOf(leader)
      return {
        winner: leader.counts.variant_id,
        confidence,
        recommendation: `${leader.counts.variant_id} wins with ${formatConfidence(confidence)} confidence (${liftText(leader)} vs ${c}).`,
      }
    }
    // Control beats every challenger.
    if (
      enough(control) &&
      arms.every((a) => a.rate < controlRate && a.adjusted < alpha && enough(a.counts))
    ) {
      const confidence = Math.min(...arms.map(confidenceOf))
      const others = arms.length === 1 ? leader.counts.variant_id : "every variant"
      return {
        winner: c,
        confidence,
        recommendation: `${c} (control) wins with ${formatConfidence(confidence)} confidence: ${others} converts worse (${
          arms.length === 1 ? "" : `closest ${leader.counts.variant_id} `
        }${liftText(leader)} vs ${c}).`,
      }
    }

    const confidence = confidenceOf(leader)
    const compared = leader.rate >= controlRate ? [control, leader.counts] : [control, ...arms.map((a) => a.counts)]
    const smallest = compared.reduce((min, v) => (v.sessions < min.sessions ? v : min))
    if (smallest.sessions < minSessions) {
      return {
        winner: null,
        confidence,
        recommendation: `Keep running: each compared variant needs at least ${minSessions} sessions before a winner can be called (${smallest.variant_id} has ${smallest.sessions}).`,
      }
    }
    const negligible =
      leader.rate === controlRate || (leader.test.lift !== null && Math.abs(leader.test.lift) < negligibleLift)
    if (negligible) {
      const ci = leader.test.ci95
      return {
        winner: null,
        confidence,
        recommendation:
          `No meaningful difference detected: ${leader.counts.variant_id} converts within ${formatLift(negligibleLift).slice(1)} of ${c} ` +
          `(${leader.test.lift !== null ? `${formatLift(leader.test.lift)}, ` : ""}${formatP(leader.test.p_value)}` +
          `${ci ? `; 95% CI for the difference ${formatPoints(ci[0])} to ${formatPoints(ci[1])} percentage points` : ""}). ` +
          `The variants perform about the same; stop the test or try a bolder change.`,
      }
    }
    const more = required === null ? 0 : Math.max(...compared.map((v) => required - v.sessions))
    if (more > 0 && Number.isFinite(more)) {
      return {
        winner: null,
        confidence,
        recommendation: `Keep running: about ${more.toLocaleString("en-US")} more sessions per variant are needed for ${round(
          power * 100,
          0
        )}% power at the observed effect (${leader.counts.variant_id} ${liftText(leader)} vs ${c}).`,
      }
    }
    return {
      winner: null,
      confidence,
      recommendation: `Keep running: ${leader.counts.variant_id} (${liftText(leader)} vs ${c}) is not yet significant (adjusted ${formatP(
        leader.adjusted
      )}, need < ${alpha}).`,
    }
  }
}
