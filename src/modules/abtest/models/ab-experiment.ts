import { model } from "@medusajs/framework/utils"
import { AB_TEST_STATUSES } from "../types"

/** An A/B test: its public key (`test_id`), variants with weights, goals, lifecycle and the declared winner. */
const AbExperiment = model
  .define(
    { name: "AbExperiment", tableName: "monetization_ab_experiment" },
    {
      id: model.id({ prefix: "mabx" }).primaryKey(),
      test_id: model.text(),
      event_id: model.text(),
      name: model.text(),
      description: model.text().nullable(),
      /** [{ id, name, weight }] in assignment order: the order is part of the DJB2 rule. */
      variants: model.json(),
      control_variant_id: model.text().nullable(),
      primary_goal: model.text(),
      revenue_goal: model.text().nullable(),
      allow_repeat_conversions: model.boolean().default(false),
      status: model.enum([...AB_TEST_STATUSES]).default("DRAFT"),
      started_at: model.dateTime().nullable(),
      stopped_at: model.dateTime().nullable(),
      winner_variant_id: model.text().nullable(),
      winner_declared_at: model.dateTime().nullable(),
      /** The analysis that justified the winner, kept for audit. */
      winner_stats: model.json().nullable(),
    }
  )
  .indexes([
    // Not scoped to live rows: a deleted test's key stays taken, so its old events never leak into a new test.
    { on: ["test_id"], unique: true, where: null },
    { on: ["event_id", "status"] },
  ])

export default AbExperiment
