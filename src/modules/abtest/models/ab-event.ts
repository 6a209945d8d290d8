import { model } from "@medusajs/framework/utils"
import { AB_EVENT_TYPES } from "../types"

/** A tracked view, conversion or secondary metric; written by one multi-row statement (see sql.ts). */
const AbEvent = model
  .define(
    { name: "AbEvent", tableName: "monetization_ab_event" },
    {
      id: model.id({ prefix: "mabe" }).primaryKey(),
      client_event_id: model.text().nullable(),
      test_id: model.text(),
      event_id: model.text(),
      session_token: model.text(),
      variant_id: model.text(),
      event_type: model.enum([...AB_EVENT_TYPES]),
      goal: model.text().nullable(),
      goal_value: model.bigNumber().nullable(),
      user_id: model.text().nullable(),
      customer_id: model.text().nullable(),
      /** Same key within a test = same fact (a session's view, a session's conversion on a goal). */
      dedup_key: model.text().nullable(),
      occurred_at: model.dateTime(),
      user_agent: model.text().nullable(),
      ip_prefix: model.text().nullable(),
    }
  )
  .indexes([
    { on: ["test_id", "dedup_key"], unique: true },
    { on: ["test_id", "event_type", "session_token"] },
    // Retention deletes by age (all rows, soft-deleted ones too); erasure finds a customer's rows.
    { on: ["occurred_at"], where: null },
    { on: ["customer_id"], where: "customer_id IS NOT NULL" },
  ])

export default AbEvent
