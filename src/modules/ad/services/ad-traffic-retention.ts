import type { EntityManager } from "@medusajs/framework/mikro-orm/knex"
import { executeCounting } from "../../../lib/retention/execute-counting"
import { viewerKey } from "../lib/viewer"
import { AdTrafficTable, ERASE_CUSTOMER_AD_TRAFFIC_SQL, PURGE_AD_TRAFFIC_SQL } from "../retention-sql"

/** Retention and erasure of impressions and clicks: batched statements that answer how many rows they touched. */
export class AdTrafficRetention {
  /** Deletes one batch of impressions or clicks older than `cutoff` (soft-deleted ones too). */
  purgeBefore(manager: EntityManager, table: AdTrafficTable, cutoff: Date, limit: number): Promise<number> {
    return executeCounting(manager, PURGE_AD_TRAFFIC_SQL[table], [cutoff.toISOString(), limit])
  }

  /** A deleted customer's impressions and clicks stay counted but lose every link to them. */
  async eraseCustomer(manager: EntityManager, customerId: string): Promise<number> {
    const bindings = [customerId, viewerKey(customerId, null)]
    const impressions = await executeCounting(manager, ERASE_CUSTOMER_AD_TRAFFIC_SQL.impressions, bindings)
    return impressions + (await executeCounting(manager, ERASE_CUSTOMER_AD_TRAFFIC_SQL.clicks, bindings))
  }
}
