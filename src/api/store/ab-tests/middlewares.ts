import { MiddlewareRoute, validateAndTransformBody, validateAndTransformQuery } from "@medusajs/framework/http"
import { parseBeaconBody } from "../../../lib/ingestion/beacon-body"
import { parseBody } from "../../../lib/http/parse-body"
import { limitBatch, limitRequest } from "../../../lib/rate-limit/middlewares"
import { optionalCustomer } from "../customer-auth"
import { listStoreAbTestsQueryConfig, retrieveStoreAbTestQueryConfig } from "./query-config"
import { StoreAbTrackBatch, StoreGetAbAssignmentParams, StoreGetAbTestsParams } from "./validators"

export const AB_TRACK_BODY_LIMIT_BYTES = 512 * 1024

/** Shared with the beacon route, which checks the publishable key first. */
export const abTrackBatchMiddlewares = [
  optionalCustomer,
  parseBody(AB_TRACK_BODY_LIMIT_BYTES),
  parseBeaconBody,
  limitBatch("events"),
  validateAndTransformBody(StoreAbTrackBatch),
]

export const storeAbTestMiddlewares: MiddlewareRoute[] = [
  {
    method: ["GET"],
    matcher: "/store/ab-tests",
    bodyParser: false,
    middlewares: [limitRequest("read"), validateAndTransformQuery(StoreGetAbTestsParams, listStoreAbTestsQueryConfig)],
  },
  {
    method: ["GET"],
    matcher: "/store/ab-tests/:test_id/assignment",
    bodyParser: false,
    middlewares: [
      limitRequest("read"),
      validateAndTransformQuery(StoreGetAbAssignmentParams, retrieveStoreAbTestQueryConfig),
    ],
  },
  {
    method: ["POST"],
    matcher: "/store/ab-tests/track",
    bodyParser: false,
    middlewares: [limitRequest("write"), ...abTrackBatchMiddlewares],
  },
]
