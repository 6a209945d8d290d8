import { model } from "@medusajs/framework/utils"
import { AD_IVT_REASONS } from "../types"

/** One click-through; `click_id` makes the POST and GET of the same click one record. */
const AdClick = model
  .define(
    { name: "AdClick", tableName: "monetization_ad_click" },
    {
      id: model.id({ prefix: "madc" }).primaryKey(),
      click_id: model.text(),
      ad_id: model.text(),
      event_id: model.text(),
      placement: model.text().nullable(),
      viewer_key: model.text().nullable(),
      session_token: model.text().nullable(),
      customer_id: model.text().nullable(),
      ivt_reason: model.enum([...AD_IVT_REASONS]).nullable(),
      user_agent: model.text().nullable(),
      ip_prefix: model.text().nullable(),
      occurred_at: model.dateTime(),
    }
  )
  .indexes([
    { on: ["click_id"], unique: true },
    { on: ["ad_id"] },
    { on: ["ad_id", "ip_prefix", "occurred_at"] },
    { on: ["ad_id", "viewer_key", "occurred_at"] },
    // Retention deletes by age (all rows, soft-deleted ones too); erasure finds a customer's rows.
    { on: ["occurred_at"], where: null },
    { on: ["customer_id"], where: "customer_id IS NOT NULL" },
  ])

export default AdClick
