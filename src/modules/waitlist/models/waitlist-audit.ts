import { model } from "@medusajs/framework/utils"
import { WAITLIST_AUDIT_ACTIONS } from "../types"

const WaitlistAudit = model
  .define(
    { name: "WaitlistAudit", tableName: "monetization_waitlist_audit" },
    {
      id: model.id({ prefix: "mwla" }).primaryKey(),
      entry_id: model.text(),
      session_id: model.text(),
      action: model.enum([...WAITLIST_AUDIT_ACTIONS]),
      at: model.dateTime(),
      details: model.json().nullable(),
    }
  )
  .indexes([{ on: ["entry_id", "at"] }, { on: ["session_id", "at"] }])

export default WaitlistAudit
