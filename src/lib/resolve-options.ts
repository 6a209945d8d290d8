import type { MedusaContainer } from "@medusajs/framework/types"
import { MONETIZATION_EVENT_MODULE } from "../modules/monetization-event"
import type MonetizationEventModuleService from "../modules/monetization-event/service"
import { IngestionOptions } from "./plugin-options"

export async function ingestionOptions(container: MedusaContainer): Promise<IngestionOptions> {
  const service: MonetizationEventModuleService = container.resolve(MONETIZATION_EVENT_MODULE)
  return (await service.getOptions()).ingestion
}
