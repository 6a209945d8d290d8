import { Module } from "@medusajs/framework/utils"
import pluginOptionsLoader from "../../lib/module-loaders/plugin-options"
import adRedisLoader from "./loaders/redis"
import AdModuleService from "./service"

export const AD_MODULE = "ad"

export default Module(AD_MODULE, {
  service: AdModuleService,
  loaders: [pluginOptionsLoader, adRedisLoader],
})

export { AdModuleService }
