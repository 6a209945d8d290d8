import { MiddlewareRoute, validateAndTransformBody, validateAndTransformQuery } from "@medusajs/framework/http"
import { parseBeaconBody } from "../../../lib/ingestion/beacon-body"
import { parseBody } from "../../../lib/http/parse-body"
import { limitBatch, limitOneItem, limitRequest } from "../../../lib/rate-limit/middlewares"
import { optionalCustomer } from "../customer-auth"
import { storeAdsQueryConfig } from "./query-config"
import { StoreAdClick, StoreAdClickParams, StoreAdImpressionBatch, StoreGetAdsParams } from "./validators"

export const AD_IMPRESSIONS_BODY_LIMIT_BYTES = 256 * 1024

// Optional customer auth everywhere: a logged-in attendee's caps follow them across devices.

/** Shared with the beacon route, which checks the publishable key first. */
export const impressionBatchMiddlewares = [
  optionalCustomer,
  parseBody(AD_IMPRESSIONS_BODY_LIMIT_BYTES),
  parseBeaconBody,
  limitBatch("impressions"),
  validateAndTransformBody(StoreAdImpressionBatch),
]

export const storeAdMiddlewares: MiddlewareRoute[] = [
  {
    method: ["GET"],
    matcher: "/store/ads",
    bodyParser: false,
    middlewares: [limitRequest("read"), optionalCustomer, validateAndTransformQuery(StoreGetAdsParams, storeAdsQueryConfig)],
  },
  {
    method: ["POST"],
    matcher: "/store/ads/impressions",
    bodyParser: false,
    middlewares: [limitRequest("write"), ...impressionBatchMiddlewares],
  },
  {
    method: ["POST"],
    matcher: "/store/ads/:id/click",
    bodyParser: false,
    middlewares: [
      limitRequest("write"),
      optionalCustomer,
      parseBody(),
      parseBeaconBody,
      limitOneItem,
      validateAndTransformBody(StoreAdClick),
    ],
  },
  {
    method: ["GET"],
    matcher: "/store/ads/:id/click",
    bodyParser: false,
    middlewares: [
      limitRequest("write"),
      optionalCustomer,
      limitOneItem,
      validateAndTransformQuery(StoreAdClickParams, storeAdsQueryConfig),
    ],
  },
]
