import {
  authenticate,
  MiddlewareRoute,
  validateAndTransformBody,
  validateAndTransformQuery,
} from "@medusajs/framework/http"
import { parseBeaconBody } from "../../../lib/ingestion/beacon-body"
import { storeAdsQueryConfig } from "./query-config"
import { StoreAdClick, StoreAdClickParams, StoreAdImpressionBatch, StoreGetAdsParams } from "./validators"

export const AD_IMPRESSIONS_BODY_LIMIT_BYTES = 256 * 1024

// Optional customer auth everywhere: a logged-in attendee's caps follow them across devices.
const optionalCustomer = authenticate("customer", ["session", "bearer"], { allowUnauthenticated: true })

/** Shared with the beacon route, which checks the publishable key first. */
export const impressionBatchMiddlewares = [
  optionalCustomer,
  parseBeaconBody,
  validateAndTransformBody(StoreAdImpressionBatch),
]

export const storeAdMiddlewares: MiddlewareRoute[] = [
  {
    method: ["GET"],
    matcher: "/store/ads",
    middlewares: [optionalCustomer, validateAndTransformQuery(StoreGetAdsParams, storeAdsQueryConfig)],
  },
  {
    method: ["POST"],
    matcher: "/store/ads/impressions",
    bodyParser: { sizeLimit: AD_IMPRESSIONS_BODY_LIMIT_BYTES },
    middlewares: impressionBatchMiddlewares,
  },
  {
    method: ["POST"],
    matcher: "/store/ads/:id/click",
    middlewares: [optionalCustomer, parseBeaconBody, validateAndTransformBody(StoreAdClick)],
  },
  {
    method: ["GET"],
    matcher: "/store/ads/:id/click",
    middlewares: [optionalCustomer, validateAndTransformQuery(StoreAdClickParams, storeAdsQueryConfig)],
  },
]
