import { MiddlewareRoute, validateAndTransformBody } from "@medusajs/framework/http"
import { parseBody } from "../../../lib/http/parse-body"
import { limitRequest } from "../../../lib/rate-limit/middlewares"
import { customer } from "../customer-auth"
import { StoreJoinWaitlist, StoreWaitlistToken } from "./validators"

/** Rate limited per customer before their body is read (`bodyParser: false`, parsed after the limit). */
export const storeWaitlistMiddlewares: MiddlewareRoute[] = [
  {
    method: ["POST"],
    matcher: "/store/sessions/:session_id/waitlist",
    bodyParser: false,
    middlewares: [limitRequest("purchase"), customer, parseBody(), validateAndTransformBody(StoreJoinWaitlist)],
  },
  {
    method: ["GET"],
    matcher: "/store/sessions/:session_id/waitlist",
    bodyParser: false,
    middlewares: [limitRequest("read"), customer],
  },
  {
    method: ["DELETE"],
    matcher: "/store/sessions/:session_id/waitlist",
    bodyParser: false,
    middlewares: [limitRequest("purchase"), customer],
  },
  {
    method: ["GET"],
    matcher: "/store/sessions/:session_id/waitlist/position",
    bodyParser: false,
    middlewares: [limitRequest("read"), customer],
  },
  ...["accept", "accept-offer", "decline"].map(
    (action): MiddlewareRoute => ({
      method: ["POST"],
      matcher: `/store/sessions/:session_id/waitlist/${action}`,
      bodyParser: false,
      middlewares: [limitRequest("purchase"), customer, parseBody(), validateAndTransformBody(StoreWaitlistToken)],
    })
  ),
]
