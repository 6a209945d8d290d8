import { defineMiddlewares } from "@medusajs/framework/http"
import { adminMiddlewares } from "./admin/middlewares"
import { adClickRedirectMiddlewares } from "./ads/middlewares"
import { beaconMiddlewares } from "./beacon/middlewares"
import { storeMiddlewares } from "./store/middlewares"

export default defineMiddlewares({
  routes: [...storeMiddlewares, ...adminMiddlewares, ...beaconMiddlewares, ...adClickRedirectMiddlewares],
})
