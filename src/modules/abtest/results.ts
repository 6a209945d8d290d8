import { analyzeExperiment, type ExperimentAnalysis, type VariantCounts } from "./lib"
import type { AbExperimentDTO, AbVariantAggregate } from "./types"

export type AbTestVariantResult = {
  variant_id: string
  name: string
  weight: number
  is_control: boolean
  impressions: number
  conversions: number
  /** Percent, 2 decimals. */
  conversion_rate: number
  /** Percent (1 − Holm-adjusted p vs control); null for the control. */
  confidence_level: number | null
  /** Total goal value on the revenue goal. */
  revenue: number
  revenue_per_session: number | null
  p_value: number | null
  adjusted_p_value: number | null
  lift: number | null
  ci95_difference_pp: [number, number] | null
}

export type AbTestResults = {
  test_id: string
  status: string
  primary_goal: string
  revenue_goal: string
  control_variant_id: string
  total_impressions: number
  total_conversions: number
  variants: AbTestVariantResult[]
  winner: string | null
  confidence: number | null
  recommendation: string
  srm: ExperimentAnalysis["srm"]
  overall: ExperimentAnalysis["overall"]
  revenue: ExperimentAnalysis["revenue"]
  required_sessions_per_variant: number | null
  alpha: number
  declared_winner: { variant_id: string; declared_at: Date | string | null } | null
  computed_at: string
}

/** Shapes SQL aggregates and the statistics library's analysis into the contract's results answer. */
export function buildAbTestResults(experiment: AbExperimentDTO, aggregates: AbVariantAggregate[]): AbTestResults {
  const byVariant = new Map(aggregates.map((row) => [row.variant_id, row]))
  // Configured variants only, in their order; traffic to an unknown id cannot be tracked (see the track step).
  const counts: VariantCounts[] = experiment.variants.map((variant) => {
    const row = byVariant.get(variant.id)
    return {
      variant_id: variant.id,
      weight: variant.weight,
      sessions: row?.sessions ?? 0,
      conversions: row?.conversions ?? 0,
      revenue_sum: row?.revenue_sum ?? 0,
      revenue_sum_sq: row?.revenue_sum_sq ?? 0,
    }
  })
  const analysis = analyzeExperiment(counts, {
    control_variant_id: experiment.control_variant_id ?? undefined,
  })
  return {
    test_id: experiment.test_id,
    status: experiment.status,
    primary_goal: experiment.primary_goal,
    revenue_goal: experiment.revenue_goal ?? experiment.primary_goal,
    control_variant_id: analysis.control_variant_id,
    total_impressions: analysis.total_impressions,
    total_conversions: analysis.total_conversions,
    variants: analysis.variants.map((row, index) => ({
      variant_id: row.variant_id,
      name: experiment.variants[index].name,
      weight: experiment.variants[index].weight,
      is_control: row.is_control,
      impressions: row.impressions,
      conversions: row.conversions,
      conversion_rate: row.conversion_rate,
      confidence_level: row.confidence_level,
      revenue: counts[index].revenue_sum,
      revenue_per_session: row.revenue_per_session,
      p_value: row.p_value,
      adjusted_p_value: row.adjusted_p_value,
      lift: row.lift,
      ci95_difference_pp: row.ci95_difference_pp,
    })),
    winner: analysis.winner,
    confidence: analysis.confidence,
    recommendation: analysis.recommendation,
    srm: analysis.srm,
    overall: analysis.overall,
    revenue: analysis.revenue,
    required_sessions_per_variant: analysis.required_sessions_per_variant,
    alpha: analysis.alpha,
    declared_winner: experiment.winner_variant_id
      ? { variant_id: experiment.winner_variant_id, declared_at: experiment.winner_declared_at }
      : null,
    computed_at: new Date().toISOString(),
  }
}
