import type { MiddlewareRoute } from "@medusajs/framework/http"
import { adminAbTestMiddlewares } from "./ab-tests/middlewares"
import { adminAdMiddlewares } from "./ads/middlewares"
import { adminAnalyticsMiddlewares } from "./analytics/middlewares"
import { adminMonetizationEventMiddlewares } from "./monetization-events/middlewares"
import { adminOfferMiddlewares } from "./offers/middlewares"
import { adminSessionWaitlistMiddlewares } from "./sessions/middlewares"

/** Every `/admin` route's middlewares; Medusa authenticates admin routes itself. */
export const adminMiddlewares: MiddlewareRoute[] = [
  ...adminOfferMiddlewares,
  ...adminSessionWaitlistMiddlewares,
  ...adminAdMiddlewares,
  ...adminMonetizationEventMiddlewares,
  ...adminAnalyticsMiddlewares,
  ...adminAbTestMiddlewares,
]
