import type { MiddlewareRoute } from "@medusajs/framework/http"
import { publishableKeyFromQuery } from "../../lib/ingestion/publishable-key-from-query"
import { TRACK_BODY_LIMIT_BYTES, trackBatchMiddlewares } from "../store/analytics/middlewares"
import { AD_IMPRESSIONS_BODY_LIMIT_BYTES, impressionBatchMiddlewares } from "../store/ads/middlewares"
import { AB_TRACK_BODY_LIMIT_BYTES, abTrackBatchMiddlewares } from "../store/ab-tests/middlewares"

/**
 * `sendBeacon` twins of the store's batch routes: same handlers and validation, the
 * publishable key in the query string because a beacon cannot carry headers.
 */
export const beaconMiddlewares: MiddlewareRoute[] = [
  {
    method: ["POST"],
    matcher: "/beacon/analytics/track",
    bodyParser: { sizeLimit: TRACK_BODY_LIMIT_BYTES },
    middlewares: [publishableKeyFromQuery, ...trackBatchMiddlewares],
  },
  {
    method: ["POST"],
    matcher: "/beacon/ads/impressions",
    bodyParser: { sizeLimit: AD_IMPRESSIONS_BODY_LIMIT_BYTES },
    middlewares: [publishableKeyFromQuery, ...impressionBatchMiddlewares],
  },
  {
    method: ["POST"],
    matcher: "/beacon/ab-tests/track",
    bodyParser: { sizeLimit: AB_TRACK_BODY_LIMIT_BYTES },
    middlewares: [publishableKeyFromQuery, ...abTrackBatchMiddlewares],
  },
]
