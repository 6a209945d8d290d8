import { defineMiddlewares } from "@medusajs/framework/http"
import { storeAnalyticsMiddlewares } from "./store/analytics/middlewares"

export default defineMiddlewares({
  routes: [...storeAnalyticsMiddlewares],
})
