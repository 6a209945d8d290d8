import { model } from "@medusajs/framework/utils"
import { AD_DEFAULTS } from "../defaults"
import { AD_CONTENT_TYPES, AD_PRICING_MODELS } from "../types"

/** A sponsor's creative for one event: where it may show, how often, and what the sponsor pays. */
const Ad = model
  .define(
    { name: "Ad", tableName: "monetization_ad" },
    {
      id: model.id({ prefix: "mad" }).primaryKey(),
      event_id: model.text(),
      name: model.text(),
      content_type: model.enum([...AD_CONTENT_TYPES]),
      media_url: model.text(),
      click_url: model.text(),
      display_duration_seconds: model.number().default(AD_DEFAULTS.display_duration_seconds),
      aspect_ratio: model.text().default(AD_DEFAULTS.aspect_ratio).nullable(),
      /** AdPlacement[] */
      placements: model.json(),
      /** Session variant ids; empty = every session. */
      target_sessions: model.json(),
      weight: model.float().default(1),
      frequency_cap: model.number().default(AD_DEFAULTS.frequency_cap).nullable(),
      frequency_window_hours: model.number().default(AD_DEFAULTS.frequency_window_hours),
      starts_at: model.dateTime().nullable(),
      ends_at: model.dateTime().nullable(),
      is_active: model.boolean().default(true),
      is_archived: model.boolean().default(false),
      sponsor_name: model.text().nullable(),
      pricing_model: model.enum([...AD_PRICING_MODELS]).default("FLAT"),
      rate: model.bigNumber().default(0),
      currency_code: model.text().default("eur"),
    }
  )
  .indexes([{ on: ["event_id", "is_active", "is_archived"] }])

export default Ad
