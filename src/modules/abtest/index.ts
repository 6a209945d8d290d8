import { Module } from "@medusajs/framework/utils"
import pluginOptionsLoader from "../../lib/module-loaders/plugin-options"
import AbTestModuleService from "./service"

export const ABTEST_MODULE = "abtest"

export default Module(ABTEST_MODULE, {
  service: AbTestModuleService,
  loaders: [pluginOptionsLoader],
})

export { AbTestModuleService }
