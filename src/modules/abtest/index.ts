import { Module } from "@medusajs/framework/utils"
import validateOptionsLoader from "./loaders/validate-options"
import AbTestModuleService from "./service"

export const ABTEST_MODULE = "abtest"

export default Module(ABTEST_MODULE, {
  service: AbTestModuleService,
  loaders: [validateOptionsLoader],
})

export { AbTestModuleService }
