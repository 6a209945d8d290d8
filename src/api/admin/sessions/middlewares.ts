import { MiddlewareRoute, validateAndTransformBody, validateAndTransformQuery } from "@medusajs/framework/http"
import { AdminGetWaitlistsParams } from "../waitlists/validators"
import { AdminOfferNextWaitlistSeats, AdminWaitlistEntryIds, AdminWaitlistSettings } from "./validators"

export const adminSessionWaitlistMiddlewares: MiddlewareRoute[] = [
  {
    method: ["GET"],
    matcher: "/admin/waitlists",
    middlewares: [validateAndTransformQuery(AdminGetWaitlistsParams, {})],
  },
  {
    method: ["POST"],
    matcher: "/admin/sessions/:session_id/waitlist/offer-next",
    middlewares: [validateAndTransformBody(AdminOfferNextWaitlistSeats)],
  },
  ...["release", "remove"].map(
    (action): MiddlewareRoute => ({
      method: ["POST"],
      matcher: `/admin/sessions/:session_id/waitlist/${action}`,
      middlewares: [validateAndTransformBody(AdminWaitlistEntryIds)],
    })
  ),
  {
    method: ["POST"],
    matcher: "/admin/sessions/:session_id/waitlist/settings",
    middlewares: [validateAndTransformBody(AdminWaitlistSettings)],
  },
  {
    method: ["POST"],
    matcher: "/admin/events/:event_id/waitlist-settings",
    middlewares: [validateAndTransformBody(AdminWaitlistSettings)],
  },
]
