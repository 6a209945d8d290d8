import { authenticate, MiddlewareRoute, validateAndTransformBody } from "@medusajs/framework/http"
import { adminSessionWaitlistMiddlewares } from "../../admin/sessions/middlewares"
import { StoreJoinWaitlist, StoreWaitlistToken } from "./validators"

const customer = authenticate("customer", ["session", "bearer"])

/** Store and admin waitlist routes (one array, spread once in src/api/middlewares.ts). */
export const waitlistMiddlewares: MiddlewareRoute[] = [
  {
    method: ["POST"],
    matcher: "/store/sessions/:session_id/waitlist",
    middlewares: [customer, validateAndTransformBody(StoreJoinWaitlist)],
  },
  {
    method: ["GET", "DELETE"],
    matcher: "/store/sessions/:session_id/waitlist",
    middlewares: [customer],
  },
  {
    method: ["GET"],
    matcher: "/store/sessions/:session_id/waitlist/position",
    middlewares: [customer],
  },
  ...["accept", "accept-offer", "decline"].map(
    (action): MiddlewareRoute => ({
      method: ["POST"],
      matcher: `/store/sessions/:session_id/waitlist/${action}`,
      middlewares: [customer, validateAndTransformBody(StoreWaitlistToken)],
    })
  ),
  ...adminSessionWaitlistMiddlewares,
]
