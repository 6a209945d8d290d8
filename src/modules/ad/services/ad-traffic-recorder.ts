import type { EntityManager } from "@medusajs/framework/mikro-orm/knex"
import { generateEntityId } from "@medusajs/framework/utils"
import type { AdsOptions } from "../../../lib/plugin-options"
import type { PluginOptionsDependencies } from "../../../lib/module-loaders/plugin-options"
import { hourStart } from "../lib/windows"
import { AD_CLICK_RULE_FACTS_SQL, INGEST_AD_IMPRESSIONS_SQL, INSERT_AD_CLICK_SQL, LOCK_KEYS_SQL } from "../sql"
import type { AdImpressionIngestResult, AdImpressionInput, AdImpressionRow, CheckedClickInput, RecordedClick } from "../types"

/**
 * Stores impressions and clicks with the rules that need the stored rows, each inside the
 * caller's transaction. Raw SQL on purpose: the rules must read and write under one lock.
 */
export class AdTrafficRecorder {
  protected readonly options_: AdsOptions

  constructor({ pluginOptions }: PluginOptionsDependencies) {
    this.options_ = pluginOptions.ads
  }

  /**
   * A batch of impressions in one statement (see INGEST_AD_IMPRESSIONS_SQL), with the
   * per-IP-prefix hourly cap applied under locks on each (ad, IP prefix) so concurrent batches
   * cannot both slip under it.
   */
  async ingestImpressions(manager: EntityManager, impressions: AdImpressionInput[]): Promise<AdImpressionIngestResult> {
    const input = impressions.map((impression) => ({
      ...impression,
      id: generateEntityId(undefined, "madi"),
      occurred_at: new Date(impression.occurred_at).toISOString(),
    }))
    const lockKeys = [
      ...new Set(input.filter((row) => !row.ivt_reason).map((row) => `monetization_ad_ip:${row.ad_id}:${row.ip_prefix ?? ""}`)),
    ].sort()
    if (lockKeys.length) {
      // Advisory locks have no ORM equivalent; sorted so two batches never wait on each other in a cycle.
      await manager.execute(LOCK_KEYS_SQL, [JSON.stringify(lockKeys)])
    }
    // One multi-row upsert with the cap and the dedup in the same statement (hot path).
    const rows: AdImpressionRow[] = await manager.execute(INGEST_AD_IMPRESSIONS_SQL, [
      JSON.stringify(input),
      hourStart(new Date()).toISOString(),
      this.options_.maxImpressionsPerIpPrefixPerHour,
    ])
    const inserted = rows.filter((row) => row.inserted)
    return {
      accepted: inserted.length,
      duplicates: impressions.length - inserted.length,
      upgraded: rows.length - inserted.length,
      ivt: inserted.filter((row) => row.ivt_reason).length,
      rows,
    }
  }

  /**
   * A click under the ad's click lock: a signed URL used again is `replayed` (stored under a fresh
   * click id), a viewer's second valid click within the duplicate window is `duplicate_click`, and
   * valid clicks of one IP prefix past the hourly cap are `ip_rate_limited`. Rules apply only to a
   * click not already invalid.
   */
  async recordCheckedClick(manager: EntityManager, click: CheckedClickInput): Promise<RecordedClick> {
    const now = new Date(click.occurred_at)
    // The rule facts and the insert must not interleave with another click of the ad.
    await manager.execute(LOCK_KEYS_SQL, [JSON.stringify([`monetization_ad_click:${click.ad_id}`])])
    const duplicateSince = new Date(now.getTime() - this.options_.duplicateClickWindowMinutes * 60_000)
    // Three facts in one round trip under the lock.
    const [facts]: { replayed: boolean; duplicate: boolean; ip_clicks: number }[] = await manager.execute(
      AD_CLICK_RULE_FACTS_SQL,
      [
        click.click_id,
        click.ad_id,
        click.viewer_key ?? "",
        duplicateSince.toISOString(),
        click.ad_id,
        click.ip_prefix,
        hourStart(now).toISOString(),
      ]
    )
    let reason = click.ivt_reason
    let clickId = click.click_id
    if (click.nonce && facts.replayed) {
      reason = reason ?? "replayed"
      clickId = `replay:${generateEntityId(undefined, "madc")}`
    }
    if (!reason && click.viewer_key && facts.duplicate) {
      reason = "duplicate_click"
    }
    if (!reason && Number(facts.ip_clicks) >= this.options_.maxClicksPerIpPrefixPerHour) {
      reason = "ip_rate_limited"
    }
    // ON CONFLICT DO NOTHING: a retried click id is stored once (the ORM's create would throw).
    const rows: { id: string }[] = await manager.execute(INSERT_AD_CLICK_SQL, [
      generateEntityId(undefined, "madc"),
      clickId,
      click.ad_id,
      click.event_id,
      click.placement,
      click.viewer_key,
      click.session_token,
      click.customer_id,
      reason,
      click.user_agent,
      click.ip_prefix,
      now.toISOString(),
    ])
    return { id: rows[0]?.id ?? null, click_id: clickId, ivt_reason: reason }
  }
}
