import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { archiveAdWorkflow, updateAdWorkflow } from "../../../../workflows/ad"
import { refetchAd } from "../helpers"
import type { AdminUpdateAdType } from "../validators"
import type { AdminAdArchiveResponse, AdminAdResponse } from "../../../../types/ads"

export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse<AdminAdResponse>) => {
  res.json({ ad: await refetchAd(req.scope, req.params.id, req.queryConfig.fields) })
}

export const POST = async (req: AuthenticatedMedusaRequest<AdminUpdateAdType>, res: MedusaResponse<AdminAdResponse>) => {
  await updateAdWorkflow(req.scope).run({ input: { id: req.params.id, update: req.validatedBody } })
  res.json({ ad: await refetchAd(req.scope, req.params.id) })
}

/** Archives rather than deletes: delivery history and sponsor revenue must stay reportable. */
export const DELETE = async (req: AuthenticatedMedusaRequest, res: MedusaResponse<AdminAdArchiveResponse>) => {
  await archiveAdWorkflow(req.scope).run({ input: { id: req.params.id } })
  res.json({ id: req.params.id, object: "ad", deleted: true })
}
