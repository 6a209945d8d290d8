import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { MONETIZATION_EVENT_MODULE } from "../modules/monetization-event"
import type MonetizationEventModuleService from "../modules/monetization-event/service"
import { purgeExpiredTrackingData } from "../lib/retention/purge-expired-tracking-data"

/**
 * Every hour: deletes raw tracking rows past `retention.days` (see purgeExpiredTrackingData).
 * Module service calls, not a workflow: deleting expired rows has nothing to compensate.
 */
export default async function purgeExpiredTrackingDataJob(container: MedusaContainer) {
  const options = await container.resolve<MonetizationEventModuleService>(MONETIZATION_EVENT_MODULE).getOptions()
  const deleted = await purgeExpiredTrackingData(container, options.retention)
  const total = Object.values(deleted).reduce((sum, count) => sum + count, 0)
  if (total > 0) {
    container
      .resolve(ContainerRegistrationKeys.LOGGER)
      .info(`[retention] deleted rows older than ${options.retention.days} days: ${JSON.stringify(deleted)}`)
  }
}

export const config = {
  name: "purge-expired-tracking-data",
  schedule: "17 * * * *",
}
