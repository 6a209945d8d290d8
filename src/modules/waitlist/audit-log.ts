import { Context } from "@medusajs/framework/types"
import { AuditService } from "./internal-services"
import { WaitlistAuditAction, WaitlistEntryRow } from "./types"

export type AuditRecord = {
  entry: Pick<WaitlistEntryRow, "id" | "session_id">
  action: WaitlistAuditAction
  /** The database's time of the transition (its statement's now()), so the trail lines up with the entry's timestamps. */
  at: Date
  details: Record<string, unknown> | null
}

/** Appends to the entries' audit trail, in the caller's transaction. */
export async function recordAudits(audits: AuditService, records: AuditRecord[], context: Context): Promise<void> {
  if (!records.length) {
    return
  }
  await audits.create(
    records.map(({ entry, action, at, details }) => ({
      entry_id: entry.id,
      session_id: entry.session_id,
      action,
      at,
      details,
    })),
    context
  )
}
