import type { EntityManager } from "@medusajs/framework/mikro-orm/knex"
import { AD_DELIVERY_COUNTS_SQL, AD_IVT_REASON_COUNTS_SQL } from "../sql"
import type { AdIvtReason, AdIvtReasonCounts, DeliveryCounts } from "../types"

type IvtReasonRow = { kind: keyof AdIvtReasonCounts; ad_id: string; ivt_reason: AdIvtReason; count: number }

/** What the ads delivered: valid and invalid traffic per ad, and why traffic was invalid. */
export class AdDeliveryStats {
  /** Filtered counts with one GROUP BY per table (aggregates the generated list methods cannot express). */
  async deliveryCounts(manager: EntityManager, adIds: string[]): Promise<Record<string, DeliveryCounts>> {
    const ids = [JSON.stringify(adIds)]
    const [rows, reasons] = (await Promise.all([
      manager.execute(AD_DELIVERY_COUNTS_SQL, ids),
      manager.execute(AD_IVT_REASON_COUNTS_SQL, ids),
    ])) as [Record<string, unknown>[], IvtReasonRow[]]
    return Object.fromEntries(
      rows.map(({ ad_id, ...counts }) => {
        const ivt_reasons: AdIvtReasonCounts = { impressions: {}, clicks: {} }
        for (const row of reasons.filter((candidate) => candidate.ad_id === ad_id)) {
          ivt_reasons[row.kind][row.ivt_reason] = Number(row.count)
        }
        const numbers = Object.fromEntries(Object.entries(counts).map(([k, v]) => [k, Number(v)]))
        return [ad_id as string, { ...numbers, ivt_reasons } as DeliveryCounts]
      })
    )
  }
}
