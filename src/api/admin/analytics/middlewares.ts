import { MiddlewareRoute, validateAndTransformQuery } from "@medusajs/framework/http"
import { AdminGetLatestAnalyticsEventParams, AdminGetMonetizationDashboardParams } from "./validators"

// Admin routes are authenticated by Medusa itself; these only validate the query.
export const adminAnalyticsMiddlewares: MiddlewareRoute[] = [
  {
    method: ["GET"],
    matcher: "/admin/analytics/latest-event",
    middlewares: [validateAndTransformQuery(AdminGetLatestAnalyticsEventParams, {})],
  },
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
