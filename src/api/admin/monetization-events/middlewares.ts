import { MiddlewareRoute, validateAndTransformQuery } from "@medusajs/framework/http"
import { listMonetizationEventsQueryConfig } from "./query-config"
import { AdminGetMonetizationEventsParams } from "./validators"

export const adminMonetizationEventMiddlewares: MiddlewareRoute[] = [
  {
    method: ["GET"],
    matcher: "/admin/monetization-events",
    middlewares: [validateAndTransformQuery(AdminGetMonetizationEventsParams, listMonetizationEventsQueryConfig)],
  },
]
