import { model } from "@medusajs/framework/utils"

/**
 * Where the organizer enabled a waitlist: one session (a variant) or every session of an
 * event product. A session's own setting wins over its product's; no setting = no waitlist.
 */
const WaitlistSetting = model
  .define(
    { name: "WaitlistSetting", tableName: "monetization_waitlist_setting" },
    {
      id: model.id({ prefix: "mwls" }).primaryKey(),
      scope: model.enum(["session", "product"]),
      /** The variant id (scope session) or the product id (scope product). */
      ref_id: model.text(),
      enabled: model.boolean().default(true),
    }
  )
  .indexes([{ on: ["scope", "ref_id"], unique: true, where: "deleted_at IS NULL" }])

export default WaitlistSetting
