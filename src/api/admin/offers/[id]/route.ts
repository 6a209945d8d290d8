import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { archiveOfferWorkflow } from "../../../../workflows/offer/workflows/archive-offer"
import { updateOfferWorkflow } from "../../../../workflows/offer/workflows/update-offer"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { refetchOffer } from "../helpers"
import { OFFER_PURCHASE_FIELDS } from "../query-config"
import type { AdminUpdateOfferType } from "../validators"
import type { AdminOfferDeleteResponse, AdminOfferResponse } from "../../../../types/offers"

/** The offer, with the orders that took units at its price beyond their hold or its stock (newest 50; all at …/purchases?flagged=true). */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse<AdminOfferResponse>) => {
  const offer = await refetchOffer(req.scope, req.params.id, req.queryConfig.fields)
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data: flagged } = await query.graph({
    entity: "offer_purchase",
    fields: OFFER_PURCHASE_FIELDS,
    filters: { offer_id: req.params.id, flag: { $ne: null } },
    pagination: { take: 50, skip: 0, order: { created_at: "DESC", id: "DESC" } },
  })
  res.json({ offer: { ...offer, flagged_purchases: flagged } })
}

export const POST = async (req: AuthenticatedMedusaRequest<AdminUpdateOfferType>, res: MedusaResponse<AdminOfferResponse>) => {
  await refetchOffer(req.scope, req.params.id, ["id"])
  await updateOfferWorkflow(req.scope).run({ input: { ...req.validatedBody, id: req.params.id } })
  res.json({ offer: await refetchOffer(req.scope, req.params.id) })
}

/** Archives: the offer stays for reporting but is no longer sold or listed in the store. */
export const DELETE = async (req: AuthenticatedMedusaRequest, res: MedusaResponse<AdminOfferDeleteResponse>) => {
  await refetchOffer(req.scope, req.params.id, ["id"])
  await archiveOfferWorkflow(req.scope).run({ input: { id: req.params.id } })
  res.json({ id: req.params.id, object: "offer", deleted: true })
}
