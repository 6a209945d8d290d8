import { model } from "@medusajs/framework/utils"
import { AD_IVT_REASONS } from "../types"

/** One impression reported by the storefront; `client_id` makes a retry a duplicate. */
const AdImpression = model
  .define(
    { name: "AdImpression", tableName: "monetization_ad_impression" },
    {
      id: model.id({ prefix: "madi" }).primaryKey(),
      client_id: model.text(),
      ad_id: model.text(),
      event_id: model.text(),
      placement: model.text(),
      /** `customer:<id>` or `token:<session_token>`: whom the frequency cap counts. */
      viewer_key: model.text().nullable(),
      session_token: model.text().nullable(),
      session_id: model.text().nullable(),
      customer_id: model.text().nullable(),
      viewable: model.boolean().default(false),
      viewable_at: model.dateTime().nullable(),
      ivt_reason: model.enum([...AD_IVT_REASONS]).nullable(),
      user_agent: model.text().nullable(),
      ip_prefix: model.text().nullable(),
      occurred_at: model.dateTime(),
    }
  )
  .indexes([
    { on: ["client_id"], unique: true },
    { on: ["ad_id", "viewer_key", "occurred_at"] },
    // The per-IP-prefix hourly cap counts by server time (created_at), not the client's occurred_at.
    { on: ["ad_id", "ip_prefix", "created_at"] },
    // Retention deletes by age (all rows, soft-deleted ones too); erasure finds a customer's rows.
    { on: ["occurred_at"], where: null },
    { on: ["customer_id"], where: "customer_id IS NOT NULL" },
  ])

export default AdImpression
