import type { MedusaContainer } from "@medusajs/framework/types"
import { MONETIZATION_EVENT_MODULE } from "../modules/monetization-event"
import type MonetizationEventModuleService from "../modules/monetization-event/service"
import { IngestionOptions } from "./plugin-options"

export function ingestionOptions(container: MedusaContainer): IngestionOptions {
  const service: MonetizationEventModuleService = container.resolve(MONETIZATION_EVENT_MODULE)
  return service.getOptions().ingestion
}
