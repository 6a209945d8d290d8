import {
  authenticate,
  MiddlewareRoute,
  validateAndTransformBody,
  validateAndTransformQuery,
} from "@medusajs/framework/http"
import { adminOfferMiddlewares } from "../../admin/offers/middlewares"
import { StoreGetEventOffersParams, StoreGetOfferPurchasesParams, StoreOfferCheckout, StorePurchaseOffer } from "./validators"

const optionalCustomer = authenticate("customer", ["session", "bearer"], { allowUnauthenticated: true })
const customer = authenticate("customer", ["session", "bearer"])

export const storeOfferMiddlewares: MiddlewareRoute[] = [
  {
    method: ["GET"],
    matcher: "/store/events/:event_id/offers",
    middlewares: [optionalCustomer, validateAndTransformQuery(StoreGetEventOffersParams, {})],
  },
  { method: ["GET"], matcher: "/store/offers/:id", middlewares: [optionalCustomer] },
  { method: ["GET"], matcher: "/store/offers/:id/availability", middlewares: [optionalCustomer] },
  {
    method: ["POST"],
    matcher: "/store/offers/:id/purchase",
    middlewares: [customer, validateAndTransformBody(StorePurchaseOffer)],
  },
  {
    method: ["POST"],
    matcher: "/store/offers/:id/checkout",
    middlewares: [customer, validateAndTransformBody(StoreOfferCheckout)],
  },
  {
    method: ["GET"],
    matcher: "/store/customers/me/offer-purchases",
    middlewares: [customer, validateAndTransformQuery(StoreGetOfferPurchasesParams, {})],
  },
]

/** Every offer route's middlewares (store and admin), spread once into src/api/middlewares.ts. */
export const offerMiddlewares: MiddlewareRoute[] = [...storeOfferMiddlewares, ...adminOfferMiddlewares]
