import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"

/**
 * `navigator.sendBeacon` posts `text/plain`, which Medusa's text parser leaves
 * as a string (size limit already applied); read it as the JSON it is.
 */
export function parseBeaconBody(req: MedusaRequest, _res: MedusaResponse, next: MedusaNextFunction) {
  if (typeof req.body !== "string") {
    return next()
  }
  try {
    req.body = JSON.parse(req.body || "{}")
  } catch {
    return next(new MedusaError(MedusaError.Types.INVALID_DATA, "Body is not valid JSON"))
  }
  next()
}
