import { model } from "@medusajs/framework/utils"

/**
 * One row per session and test, kept up to date by ingestion (see sql.ts): the variant the
 * session was shown (null until its view arrives), whether it converted on the primary goal and
 * its revenue on the revenue goal. Results group these rows, so they never scan raw events.
 */
const AbSession = model
  .define(
    { name: "AbSession", tableName: "monetization_ab_session" },
    {
      id: model.id({ prefix: "mabs" }).primaryKey(),
      test_id: model.text(),
      session_token: model.text(),
      variant_id: model.text().nullable(),
      converted: model.boolean().default(false),
      revenue: model.bigNumber().default(0),
    }
  )
  .indexes([
    { on: ["test_id", "session_token"], unique: true },
    { on: ["test_id", "variant_id"] },
  ])

export default AbSession
