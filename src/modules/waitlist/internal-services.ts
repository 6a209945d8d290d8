import { ModulesSdkTypes } from "@medusajs/framework/types"
import WaitlistAudit from "./models/waitlist-audit"
import WaitlistEntry from "./models/waitlist-entry"
import WaitlistSetting from "./models/waitlist-setting"

/** The generated services Medusa registers in the module's container for each model. */
export type EntryService = ModulesSdkTypes.IMedusaInternalService<typeof WaitlistEntry>
export type AuditService = ModulesSdkTypes.IMedusaInternalService<typeof WaitlistAudit>
export type SettingService = ModulesSdkTypes.IMedusaInternalService<typeof WaitlistSetting>

export type WaitlistInternalServices = {
  waitlistEntryService: EntryService
  waitlistAuditService: AuditService
  waitlistSettingService: SettingService
}
