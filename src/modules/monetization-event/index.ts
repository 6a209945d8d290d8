import { Module } from "@medusajs/framework/utils"
import validateOptionsLoader from "./loaders/validate-options"
import MonetizationEventModuleService from "./service"

export const MONETIZATION_EVENT_MODULE = "monetizationEvent"

export default Module(MONETIZATION_EVENT_MODULE, {
  service: MonetizationEventModuleService,
  loaders: [validateOptionsLoader],
})

export { MonetizationEventModuleService }
