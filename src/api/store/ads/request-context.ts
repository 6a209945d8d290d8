import type { MedusaRequest } from "@medusajs/framework/http"
import { readClientContext } from "../../../lib/ingestion/client-context"
import { detectRequestIvt } from "../../../modules/ad/lib/ivt"
import { AdRequestContext } from "../../../modules/ad/types"

/** The sender of an ad request: customer (optional auth), anonymised network, and its IVT classification. */
export function readAdRequestContext(req: MedusaRequest): AdRequestContext {
  const client = readClientContext(req)
  return { ...client, ivt_reason: detectRequestIvt({ user_agent: client.user_agent, headers: req.headers }) }
}
