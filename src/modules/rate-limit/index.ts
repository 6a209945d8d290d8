import { Module } from "@medusajs/framework/utils"
import validateOptionsLoader from "./loaders/validate-options"
import RateLimitModuleService from "./service"

export const RATE_LIMIT_MODULE = "rateLimit"

export default Module(RATE_LIMIT_MODULE, {
  service: RateLimitModuleService,
  loaders: [validateOptionsLoader],
})

export { RateLimitModuleService }
