import { defineMiddlewares } from "@medusajs/framework/http"
import { offerMiddlewares } from "./store/offers/middlewares"
import { waitlistMiddlewares } from "./store/sessions/middlewares"
import { adminAdMiddlewares } from "./admin/ads/middlewares"
import { storeAdMiddlewares } from "./store/ads/middlewares"
import { adminAbTestMiddlewares } from "./admin/ab-tests/middlewares"
import { storeAbTestMiddlewares } from "./store/ab-tests/middlewares"
import { adminMonetizationEventMiddlewares } from "./admin/monetization-events/middlewares"
import { storeAnalyticsMiddlewares } from "./store/analytics/middlewares"
import { adminAnalyticsMiddlewares } from "./admin/analytics/middlewares"
import { beaconMiddlewares } from "./beacon/middlewares"
import { storeCartGuardMiddlewares } from "./store/carts/middlewares"
import { adClickRedirectMiddlewares } from "./ads/middlewares"

export default defineMiddlewares({
  routes: [
    ...offerMiddlewares,
    ...waitlistMiddlewares,
    ...storeAdMiddlewares,
    ...adminAdMiddlewares,
    ...storeAnalyticsMiddlewares,
    ...adminMonetizationEventMiddlewares,
    ...adminAnalyticsMiddlewares,
    ...storeAbTestMiddlewares,
    ...adminAbTestMiddlewares,
    ...beaconMiddlewares,
    ...storeCartGuardMiddlewares,
    ...adClickRedirectMiddlewares,
  ],
})
