import { Module } from "@medusajs/framework/utils"
import validateOptionsLoader from "./loaders/validate-options"
import WaitlistModuleService from "./service"

export const WAITLIST_MODULE = "waitlist"

export default Module(WAITLIST_MODULE, {
  service: WaitlistModuleService,
  loaders: [validateOptionsLoader],
})

export { WaitlistModuleService }
