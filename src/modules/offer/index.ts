import { Module } from "@medusajs/framework/utils"
import validateOptionsLoader from "./loaders/validate-options"
import OfferModuleService from "./service"

export const OFFER_MODULE = "offer"

export default Module(OFFER_MODULE, {
  service: OfferModuleService,
  loaders: [validateOptionsLoader],
})

export { OfferModuleService }
