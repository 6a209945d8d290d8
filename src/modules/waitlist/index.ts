import { Module } from "@medusajs/framework/utils"
import pluginOptionsLoader from "../../lib/module-loaders/plugin-options"
import WaitlistModuleService from "./service"

export const WAITLIST_MODULE = "waitlist"

export default Module(WAITLIST_MODULE, {
  service: WaitlistModuleService,
  loaders: [pluginOptionsLoader],
})

export { WaitlistModuleService }
