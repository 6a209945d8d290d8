import { authenticate, MiddlewareRoute, validateAndTransformBody } from "@medusajs/framework/http"
import { parseBeaconBody } from "../../../lib/ingestion/beacon-body"
import { StoreTrackBatch } from "./track/validators"

export const TRACK_BODY_LIMIT_BYTES = 1024 * 1024

/** Shared with the beacon route, which checks the publishable key first. */
export const trackBatchMiddlewares = [
  authenticate("customer", ["session", "bearer"], { allowUnauthenticated: true }),
  parseBeaconBody,
  validateAndTransformBody(StoreTrackBatch),
]

export const storeAnalyticsMiddlewares: MiddlewareRoute[] = [
  {
    method: ["POST"],
    matcher: "/store/analytics/track",
    bodyParser: { sizeLimit: TRACK_BODY_LIMIT_BYTES },
    middlewares: trackBatchMiddlewares,
  },
]
