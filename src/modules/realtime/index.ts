import { Module } from "@medusajs/framework/utils"
import validateOptionsLoader from "./loaders/validate-options"
import RealtimeModuleService from "./service"

export const REALTIME_MODULE = "realtime"

export default Module(REALTIME_MODULE, {
  service: RealtimeModuleService,
  loaders: [validateOptionsLoader],
})

export { RealtimeModuleService }
export * from "./types"
