import { MiddlewareRoute, validateAndTransformBody, validateAndTransformQuery } from "@medusajs/framework/http"
import {
  listAdminOfferPurchasesQueryConfig,
  listAdminOffersQueryConfig,
  retrieveAdminOfferQueryConfig,
} from "./query-config"
import {
  AdminCreateOffer,
  AdminGetOfferParams,
  AdminGetOfferPurchasesParams,
  AdminGetOffersParams,
  AdminUpdateOffer,
} from "./validators"

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
  {
    method: ["GET"],
    matcher: "/admin/offers/:id/purchases",
    middlewares: [validateAndTransformQuery(AdminGetOfferPurchasesParams, listAdminOfferPurchasesQueryConfig)],
  },
]
