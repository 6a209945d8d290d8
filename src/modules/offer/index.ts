import { Module } from "@medusajs/framework/utils"
import pluginOptionsLoader from "../../lib/module-loaders/plugin-options"
import OfferModuleService from "./service"

export const OFFER_MODULE = "offer"

export default Module(OFFER_MODULE, {
  service: OfferModuleService,
  loaders: [pluginOptionsLoader],
})

export { OfferModuleService }
