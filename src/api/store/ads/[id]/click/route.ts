import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { trackAdClickWorkflow } from "../../../../../workflows/ad"
import { readAdRequestContext } from "../../request-context"
import type { StoreAdClickParamsType, StoreAdClickType } from "../../validators"
import type { StoreAdClickResponse } from "../../../../../types/ads"

/**
 * For script clicks: records the click (billable only with the ad's `serve_token` for this
 * viewer), answers the ad's stored URL.
 */
export const POST = async (req: MedusaRequest<StoreAdClickType>, res: MedusaResponse<StoreAdClickResponse>) => {
  const { result } = await trackAdClickWorkflow(req.scope).run({
    input: { ad_id: req.params.id, ...req.validatedBody, context: readAdRequestContext(req) },
  })
  res.json({ click_url: result.click_url })
}

/** Same as POST, answered with a redirect; plain links use the signed click URL (`GET /ads/:id/click`). */
export const GET = async (req: MedusaRequest, res: MedusaResponse) => {
  const params = req.validatedQuery as StoreAdClickParamsType
  const { result } = await trackAdClickWorkflow(req.scope).run({
    input: { ad_id: req.params.id, ...params, context: readAdRequestContext(req) },
  })
  res.setHeader("Cache-Control", "no-store")
  res.redirect(302, result.click_url)
}
