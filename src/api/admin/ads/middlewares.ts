import { MiddlewareRoute, validateAndTransformBody, validateAndTransformQuery } from "@medusajs/framework/http"
import { listAdminAdsQueryConfig, retrieveAdminAdQueryConfig } from "./query-config"
import { AdminCreateAd, AdminGetAdParams, AdminGetAdsParams, AdminUpdateAd } from "./validators"

export const adminAdMiddlewares: MiddlewareRoute[] = [
  {
    method: ["GET"],
    matcher: "/admin/ads",
    middlewares: [validateAndTransformQuery(AdminGetAdsParams, listAdminAdsQueryConfig)],
  },
  {
    method: ["POST"],
    matcher: "/admin/ads",
    middlewares: [validateAndTransformBody(AdminCreateAd)],
  },
  {
    method: ["GET"],
    matcher: "/admin/ads/:id",
    middlewares: [validateAndTransformQuery(AdminGetAdParams, retrieveAdminAdQueryConfig)],
  },
  {
    method: ["POST"],
    matcher: "/admin/ads/:id",
    middlewares: [validateAndTransformBody(AdminUpdateAd)],
  },
]
