import { Module } from "@medusajs/framework/utils"
import pluginOptionsLoader from "../../lib/module-loaders/plugin-options"
import realtimeRedisLoader from "./loaders/redis"
import RealtimeModuleService from "./service"

export const REALTIME_MODULE = "realtime"

export default Module(REALTIME_MODULE, {
  service: RealtimeModuleService,
  loaders: [pluginOptionsLoader, realtimeRedisLoader],
})

export { RealtimeModuleService }
export * from "./types"
