import type { AuthenticatedMedusaRequest, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { WAITLIST_MODULE } from "../../../../../modules/waitlist"
import type WaitlistModuleService from "../../../../../modules/waitlist/service"
import { setWaitlistEnabledWorkflow } from "../../../../../workflows/waitlist"
import { AdminWaitlistSettingsType } from "../../../sessions/validators"
import type { AdminEventWaitlistSettingResponse, AdminEventWaitlistSettingsResponse } from "../../../../../types/waitlists"

type VariantRow = { id: string; title: string | null; manage_inventory: boolean }

/**
 * The event product's waitlist settings: its own (every session) and each session's (a variant
 * with managed inventory), with what applies (`enabled`) and the session's own setting (`own`).
 */
export const GET = async (req: MedusaRequest, res: MedusaResponse<AdminEventWaitlistSettingsResponse>) => {
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "product",
    fields: ["id", "variants.id", "variants.title", "variants.manage_inventory"],
    filters: { id: req.params.event_id },
  })
  if (!data[0]) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Event ${req.params.event_id} was not found`)
  }
  const variants = ((data[0].variants ?? []) as VariantRow[]).filter((variant) => variant.manage_inventory)
  const waitlist: WaitlistModuleService = req.scope.resolve(WAITLIST_MODULE)
  const settings = await waitlist.listWaitlistSettings({ ref_id: [req.params.event_id, ...variants.map((v) => v.id)] })
  const own = (scope: string, id: string) => settings.find((row) => row.scope === scope && row.ref_id === id)?.enabled ?? null
  const product = own("product", req.params.event_id)
  const sessions = variants.map((variant) => {
    const mine = own("session", variant.id)
    return { session_id: variant.id, title: variant.title, own: mine, enabled: mine ?? product ?? false }
  })
  res.json({ waitlist_settings: { event_id: req.params.event_id, enabled: product, sessions } })
}

/** Enables or disables waitlists for every session of the event product (a session's own setting wins). */
export const POST = async (req: AuthenticatedMedusaRequest<AdminWaitlistSettingsType>, res: MedusaResponse<AdminEventWaitlistSettingResponse>) => {
  const { result } = await setWaitlistEnabledWorkflow(req.scope).run({
    input: { scope: "product", ref_id: req.params.event_id, enabled: req.validatedBody.enabled },
  })
  res.json({ waitlist_setting: { event_id: result.ref_id, enabled: result.enabled } })
}
