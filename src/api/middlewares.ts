import { defineMiddlewares } from "@medusajs/framework/http"
import { adminAbTestMiddlewares } from "./admin/ab-tests/middlewares"
import { storeAbTestMiddlewares } from "./store/ab-tests/middlewares"
import { adminMonetizationEventMiddlewares } from "./admin/monetization-events/middlewares"
import { storeAnalyticsMiddlewares } from "./store/analytics/middlewares"

export default defineMiddlewares({
  routes: [
    ...storeAnalyticsMiddlewares,
    ...adminMonetizationEventMiddlewares,
    ...storeAbTestMiddlewares,
    ...adminAbTestMiddlewares,
  ],
})
