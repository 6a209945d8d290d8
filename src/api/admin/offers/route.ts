import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { createOfferWorkflow } from "../../../workflows/offer/workflows/create-offer"
import { formatOffer } from "../../utils/offers"
import { refetchOffer } from "./helpers"
import type { AdminCreateOfferType, AdminGetOffersParamsType } from "./validators"
import type { AdminOfferListResponse, AdminOfferResponse } from "../../../types/offers"

export const GET = async (req: AuthenticatedMedusaRequest<unknown, AdminGetOffersParamsType>, res: MedusaResponse<AdminOfferListResponse>) => {
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data, metadata } = await query.graph({
    entity: "offer",
    fields: req.queryConfig.fields,
    filters: req.filterableFields,
    pagination: { ...req.queryConfig.pagination, order: { created_at: "DESC", id: "DESC" } },
  })
  res.json({
    offers: data.map(formatOffer),
    count: metadata?.count ?? 0,
    offset: metadata?.skip ?? 0,
    limit: metadata?.take ?? 0,
  })
}

export const POST = async (req: AuthenticatedMedusaRequest<AdminCreateOfferType>, res: MedusaResponse<AdminOfferResponse>) => {
  const { result } = await createOfferWorkflow(req.scope).run({ input: req.validatedBody })
  res.status(201).json({ offer: await refetchOffer(req.scope, result.id) })
}
