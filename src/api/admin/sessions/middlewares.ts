import { MiddlewareRoute, validateAndTransformBody } from "@medusajs/framework/http"
import { AdminOfferNextWaitlistSeats } from "./validators"

export const adminSessionWaitlistMiddlewares: MiddlewareRoute[] = [
  {
    method: ["POST"],
    matcher: "/admin/sessions/:session_id/waitlist/offer-next",
    middlewares: [validateAndTransformBody(AdminOfferNextWaitlistSeats)],
  },
]
