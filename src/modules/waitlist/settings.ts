import { Context } from "@medusajs/framework/types"
import { SettingService } from "./internal-services"

/** Where the organizer enabled a waitlist: the session's own setting wins over its product's. */
export async function isWaitlistEnabled(
  settings: SettingService,
  input: { session_id: string; product_id: string | null },
  context: Context
): Promise<boolean> {
  const rows = await settings.list(
    {
      $or: [
        { scope: "session", ref_id: input.session_id },
        { scope: "product", ref_id: input.product_id ?? "" },
      ],
    },
    { select: ["scope", "enabled"] },
    context
  )
  const own = rows.find((row) => row.scope === "session")
  const product = rows.find((row) => row.scope === "product")
  return !!(own ?? product)?.enabled
}

/** Replaces one setting (null removes it); answers the previous one (null when there was none). */
export async function setWaitlistEnabled(
  settings: SettingService,
  input: { scope: "session" | "product"; ref_id: string; enabled: boolean | null },
  context: Context
): Promise<boolean | null> {
  const previous = await settings.list({ scope: input.scope, ref_id: input.ref_id }, { select: ["id", "enabled"] }, context)
  if (previous.length) {
    await settings.delete(
      previous.map((row) => row.id),
      context
    )
  }
  if (input.enabled !== null) {
    await settings.create({ scope: input.scope, ref_id: input.ref_id, enabled: input.enabled }, context)
  }
  return previous.length ? !!previous[0].enabled : null
}
