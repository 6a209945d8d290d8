import { model } from "@medusajs/framework/utils"
import { MONETIZATION_EVENT_TYPES } from "../types"

/**
 * Per-day counts kept up to date by ingestion, so dashboards never scan raw events.
 * A count is the sum over its shards: each database session bumps its own shard, so
 * concurrent batches of the same entity and day do not queue on one row lock.
 */
const MonetizationEventDaily = model
  .define(
    { name: "MonetizationEventDaily", tableName: "monetization_event_daily" },
    {
      id: model.id({ prefix: "mevd" }).primaryKey(),
      event_id: model.text(),
      day: model.text(),
      type: model.enum([...MONETIZATION_EVENT_TYPES]),
      entity_id: model.text(),
      shard: model.number().default(0),
      count: model.number().default(0),
    }
  )
  .indexes([{ on: ["event_id", "day", "type", "entity_id", "shard"], unique: true }])

export default MonetizationEventDaily
