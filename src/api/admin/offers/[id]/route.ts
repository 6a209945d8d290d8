import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { archiveOfferWorkflow } from "../../../../workflows/offer/workflows/archive-offer"
import { updateOfferWorkflow } from "../../../../workflows/offer/workflows/update-offer"
import { refetchOffer } from "../helpers"
import type { AdminUpdateOfferType } from "../validators"

export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  res.json({ offer: await refetchOffer(req.scope, req.params.id, req.queryConfig.fields) })
}

export const POST = async (req: AuthenticatedMedusaRequest<AdminUpdateOfferType>, res: MedusaResponse) => {
  await refetchOffer(req.scope, req.params.id, ["id"])
  await updateOfferWorkflow(req.scope).run({ input: { ...req.validatedBody, id: req.params.id } })
  res.json({ offer: await refetchOffer(req.scope, req.params.id) })
}

/** Archives: the offer stays for reporting but is no longer sold or listed in the store. */
export const DELETE = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  await refetchOffer(req.scope, req.params.id, ["id"])
  await archiveOfferWorkflow(req.scope).run({ input: { id: req.params.id } })
  res.json({ id: req.params.id, object: "offer", deleted: true })
}
