import type { MiddlewareRoute } from "@medusajs/framework/http"
import { publishableKeyFromQuery } from "../../lib/ingestion/publishable-key-from-query"
import { limitRequest } from "../../lib/rate-limit/middlewares"
import { trackBatchMiddlewares } from "../store/analytics/middlewares"
import { impressionBatchMiddlewares } from "../store/ads/middlewares"
import { abTrackBatchMiddlewares } from "../store/ab-tests/middlewares"

/**
 * `sendBeacon` twins of the store's batch routes: same handlers and validation, the
 * publishable key in the query string because a beacon cannot carry headers. The rate
 * limit runs before the key's lookup and the body's parse (`bodyParser: false`).
 */
export const beaconMiddlewares: MiddlewareRoute[] = [
  {
    method: ["POST"],
    matcher: "/beacon/analytics/track",
    bodyParser: false,
    middlewares: [limitRequest("write"), publishableKeyFromQuery, ...trackBatchMiddlewares],
  },
  {
    method: ["POST"],
    matcher: "/beacon/ads/impressions",
    bodyParser: false,
    middlewares: [limitRequest("write"), publishableKeyFromQuery, ...impressionBatchMiddlewares],
  },
  {
    method: ["POST"],
    matcher: "/beacon/ab-tests/track",
    bodyParser: false,
    middlewares: [limitRequest("write"), publishableKeyFromQuery, ...abTrackBatchMiddlewares],
  },
]
