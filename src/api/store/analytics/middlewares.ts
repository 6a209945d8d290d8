import { MiddlewareRoute, validateAndTransformBody } from "@medusajs/framework/http"
import { parseBeaconBody } from "../../../lib/ingestion/beacon-body"
import { parseBody } from "../../../lib/http/parse-body"
import { limitBatch, limitRequest } from "../../../lib/rate-limit/middlewares"
import { optionalCustomer } from "../customer-auth"
import { StoreTrackBatch } from "./track/validators"

export const TRACK_BODY_LIMIT_BYTES = 1024 * 1024

/** Shared with the beacon route, which checks the publishable key first. */
export const trackBatchMiddlewares = [
  optionalCustomer,
  parseBody(TRACK_BODY_LIMIT_BYTES),
  parseBeaconBody,
  limitBatch("events"),
  validateAndTransformBody(StoreTrackBatch),
]

export const storeAnalyticsMiddlewares: MiddlewareRoute[] = [
  {
    method: ["POST"],
    matcher: "/store/analytics/track",
    // Parsed after the rate limit (trackBatchMiddlewares), so a refused request is never read.
    bodyParser: false,
    middlewares: [limitRequest("write"), ...trackBatchMiddlewares],
  },
]
