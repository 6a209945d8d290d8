import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { trackAdClickWorkflow } from "../../../../workflows/ad"
import { readAdRequestContext } from "../../../store/ads/request-context"
import type { SignedAdClickParamsType } from "../../../store/ads/validators"

/**
 * The signed click URL `GET /store/ads` hands out: records the click for the viewer the
 * signature names and redirects to the ad's stored URL (never one from the request).
 */
export const GET = async (req: MedusaRequest, res: MedusaResponse) => {
  const params = req.validatedQuery as SignedAdClickParamsType
  const { result } = await trackAdClickWorkflow(req.scope).run({
    input: {
      ad_id: req.params.id,
      viewer_key: params.v,
      serve_token: params.t,
      placement: params.p,
      context: readAdRequestContext(req),
    },
  })
  res.setHeader("Cache-Control", "no-store")
  res.setHeader("Referrer-Policy", "no-referrer")
  res.redirect(302, result.click_url)
}
