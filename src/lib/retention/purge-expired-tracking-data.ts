import type { MedusaContainer } from "@medusajs/framework/types"
import { ABTEST_MODULE } from "../../modules/abtest"
import type AbTestModuleService from "../../modules/abtest/service"
import { AD_MODULE } from "../../modules/ad"
import type AdModuleService from "../../modules/ad/service"
import { MONETIZATION_EVENT_MODULE } from "../../modules/monetization-event"
import type MonetizationEventModuleService from "../../modules/monetization-event/service"
import type { RetentionOptions } from "../plugin-options"

const DAY_MS = 86_400_000

type Purge = (cutoff: Date, limit: number) => Promise<number>

/** The raw tables retention empties, each through its own module (a module the host did not install is skipped). */
function purges(container: MedusaContainer): Record<string, Purge> {
  const targets: Record<string, Purge> = {}
  if (container.hasRegistration(MONETIZATION_EVENT_MODULE)) {
    const events = container.resolve<MonetizationEventModuleService>(MONETIZATION_EVENT_MODULE)
    targets.analytics_events = (cutoff, limit) => events.purgeEventsBefore(cutoff, limit)
  }
  if (container.hasRegistration(AD_MODULE)) {
    const ads = container.resolve<AdModuleService>(AD_MODULE)
    targets.ad_impressions = (cutoff, limit) => ads.purgeAdTrafficBefore("impressions", cutoff, limit)
    targets.ad_clicks = (cutoff, limit) => ads.purgeAdTrafficBefore("clicks", cutoff, limit)
  }
  if (container.hasRegistration(ABTEST_MODULE)) {
    const abtests = container.resolve<AbTestModuleService>(ABTEST_MODULE)
    targets.ab_events = (cutoff, limit) => abtests.purgeAbEventsBefore(cutoff, limit)
  }
  return targets
}

/**
 * Deletes raw tracking rows older than `retention.days`, in batches of `batchSize` (short
 * statements: no long lock, no huge transaction), at most `maxRowsPerRun` per table per run, so one
 * run stays bounded and a backlog drains over the next runs. Answers the rows deleted per table.
 */
export async function purgeExpiredTrackingData(
  container: MedusaContainer,
  options: RetentionOptions,
  now = new Date()
): Promise<Record<string, number>> {
  const cutoff = new Date(now.getTime() - options.days * DAY_MS)
  const deleted: Record<string, number> = {}
  for (const [table, purge] of Object.entries(purges(container))) {
    let total = 0
    while (total < options.maxRowsPerRun) {
      const batch = Math.min(options.batchSize, options.maxRowsPerRun - total)
      const count = await purge(cutoff, batch)
      total += count
      if (count < batch) {
        break
      }
    }
    deleted[table] = total
  }
  return deleted
}
