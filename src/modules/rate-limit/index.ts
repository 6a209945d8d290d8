import { Module } from "@medusajs/framework/utils"
import pluginOptionsLoader from "../../lib/module-loaders/plugin-options"
import rateLimitRedisLoader from "./loaders/redis"
import RateLimitModuleService from "./service"

export const RATE_LIMIT_MODULE = "rateLimit"

export default Module(RATE_LIMIT_MODULE, {
  service: RateLimitModuleService,
  loaders: [pluginOptionsLoader, rateLimitRedisLoader],
})

export { RateLimitModuleService }
