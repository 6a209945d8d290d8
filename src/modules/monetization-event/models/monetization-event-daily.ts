import { model } from "@medusajs/framework/utils"
import { MONETIZATION_EVENT_TYPES } from "../types"

/** Per-day counts kept up to date by ingestion, so dashboards never scan raw events. */
const MonetizationEventDaily = model
  .define(
    { name: "MonetizationEventDaily", tableName: "monetization_event_daily" },
    {
      id: model.id({ prefix: "mevd" }).primaryKey(),
      event_id: model.text(),
      day: model.text(),
      type: model.enum([...MONETIZATION_EVENT_TYPES]),
      entity_id: model.text(),
      count: model.number().default(0),
    }
  )
  .indexes([{ on: ["event_id", "day", "type", "entity_id"], unique: true }])

export default MonetizationEventDaily
