import { Module } from "@medusajs/framework/utils"
import pluginOptionsLoader from "../../lib/module-loaders/plugin-options"
import MonetizationEventModuleService from "./service"

export const MONETIZATION_EVENT_MODULE = "monetizationEvent"

export default Module(MONETIZATION_EVENT_MODULE, {
  service: MonetizationEventModuleService,
  loaders: [pluginOptionsLoader],
})

export { MonetizationEventModuleService }
