import { MiddlewareRoute, validateAndTransformBody, validateAndTransformQuery } from "@medusajs/framework/http"
import { parseBody } from "../../../lib/http/parse-body"
import { limitRequest } from "../../../lib/rate-limit/middlewares"
import { customer, optionalCustomer } from "../customer-auth"
import { StoreGetEventOffersParams, StoreGetOfferPurchasesParams, StoreOfferCheckout, StorePurchaseOffer } from "./validators"

// Every route is rate limited before its body is read (`bodyParser: false`, parsed after the limit).
export const storeOfferMiddlewares: MiddlewareRoute[] = [
  {
    method: ["GET"],
    matcher: "/store/events/:event_id/offers",
    bodyParser: false,
    middlewares: [limitRequest("read"), optionalCustomer, validateAndTransformQuery(StoreGetEventOffersParams, {})],
  },
  { method: ["GET"], matcher: "/store/offers/:id", bodyParser: false, middlewares: [limitRequest("read"), optionalCustomer] },
  {
    method: ["GET"],
    matcher: "/store/offers/:id/availability",
    bodyParser: false,
    middlewares: [limitRequest("read"), optionalCustomer],
  },
  {
    method: ["POST"],
    matcher: "/store/offers/:id/purchase",
    bodyParser: false,
    middlewares: [limitRequest("purchase"), customer, parseBody(), validateAndTransformBody(StorePurchaseOffer)],
  },
  {
    method: ["POST"],
    matcher: "/store/offers/:id/checkout",
    bodyParser: false,
    middlewares: [limitRequest("purchase"), customer, parseBody(), validateAndTransformBody(StoreOfferCheckout)],
  },
  {
    method: ["GET"],
    matcher: "/store/customers/me/offer-purchases",
    bodyParser: false,
    middlewares: [limitRequest("read"), customer, validateAndTransformQuery(StoreGetOfferPurchasesParams, {})],
  },
]
