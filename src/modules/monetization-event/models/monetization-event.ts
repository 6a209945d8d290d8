import { model } from "@medusajs/framework/utils"
import { MONETIZATION_EVENT_TYPES } from "../types"

const MonetizationEvent = model
  .define(
    { name: "MonetizationEvent", tableName: "monetization_event" },
    {
      id: model.id({ prefix: "mev" }).primaryKey(),
      client_event_id: model.text(),
      type: model.enum([...MONETIZATION_EVENT_TYPES]),
      entity_id: model.text(),
      event_id: model.text().nullable(),
      session_token: model.text().nullable(),
      customer_id: model.text().nullable(),
      occurred_at: model.dateTime(),
      metadata: model.json().nullable(),
      user_agent: model.text().nullable(),
      ip_prefix: model.text().nullable(),
      source: model.enum(["client", "server"]).default("client"),
    }
  )
  .indexes([
    { on: ["client_event_id"], unique: true },
    { on: ["event_id", "occurred_at"] },
    // Retention deletes by age (all rows, soft-deleted ones too); erasure finds a customer's rows.
    { on: ["occurred_at"], where: null },
    { on: ["customer_id"], where: "customer_id IS NOT NULL" },
  ])

export default MonetizationEvent
