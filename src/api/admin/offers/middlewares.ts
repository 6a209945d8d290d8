import { MiddlewareRoute, validateAndTransformBody, validateAndTransformQuery } from "@medusajs/framework/http"
import { listAdminOffersQueryConfig, retrieveAdminOfferQueryConfig } from "./query-config"
import { AdminCreateOffer, AdminGetOfferParams, AdminGetOffersParams, AdminUpdateOffer } from "./validators"

export const adminOfferMiddlewares: MiddlewareRoute[] = [
  {
    method: ["GET"],
    matcher: "/admin/offers",
    middlewares: [validateAndTransformQuery(AdminGetOffersParams, listAdminOffersQueryConfig)],
  },
  {
    method: ["POST"],
    matcher: "/admin/offers",
    middlewares: [validateAndTransformBody(AdminCreateOffer)],
  },
  {
    method: ["GET"],
    matcher: "/admin/offers/:id",
    middlewares: [validateAndTransformQuery(AdminGetOfferParams, retrieveAdminOfferQueryConfig)],
  },
  {
    method: ["POST"],
    matcher: "/admin/offers/:id",
    middlewares: [validateAndTransformBody(AdminUpdateOffer)],
  },
]
