import { MiddlewareRoute, validateAndTransformQuery } from "@medusajs/framework/http"
import { AdminGetMonetizationDashboardParams } from "./validators"

// Admin routes are authenticated by Medusa itself; these only validate the date range.
export const adminAnalyticsMiddlewares: MiddlewareRoute[] = [
  {
    method: ["GET"],
    matcher: "/admin/analytics/events/:event_id/monetization",
    middlewares: [validateAndTransformQuery(AdminGetMonetizationDashboardParams, {})],
  },
  {
    method: ["GET"],
    matcher: "/admin/analytics/events/:event_id/monetization/export",
    middlewares: [validateAndTransformQuery(AdminGetMonetizationDashboardParams, {})],
  },
]
