import type { MiddlewareRoute } from "@medusajs/framework/http"
import { storeAbTestMiddlewares } from "./ab-tests/middlewares"
import { storeAdMiddlewares } from "./ads/middlewares"
import { storeAnalyticsMiddlewares } from "./analytics/middlewares"
import { storeCartGuardMiddlewares } from "./carts/middlewares"
import { storeOfferMiddlewares } from "./offers/middlewares"
import { storeWaitlistMiddlewares } from "./sessions/middlewares"

/** Every `/store` route's middlewares, the cart guard on Medusa's own cart routes included. */
export const storeMiddlewares: MiddlewareRoute[] = [
  ...storeOfferMiddlewares,
  ...storeWaitlistMiddlewares,
  ...storeAdMiddlewares,
  ...storeAnalyticsMiddlewares,
  ...storeAbTestMiddlewares,
  ...storeCartGuardMiddlewares,
]
