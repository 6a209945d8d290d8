import { Module } from "@medusajs/framework/utils"
import validateOptionsLoader from "./loaders/validate-options"
import AdModuleService from "./service"

export const AD_MODULE = "ad"

export default Module(AD_MODULE, {
  service: AdModuleService,
  loaders: [validateOptionsLoader],
})

export { AdModuleService }
