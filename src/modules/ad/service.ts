import { Context } from "@medusajs/framework/types"
import { InjectManager, InjectTransactionManager, MedusaContext, MedusaService } from "@medusajs/framework/utils"
import { EntityManager } from "@medusajs/framework/mikro-orm/knex"
import Ad from "./models/ad"
import AdClick from "./models/ad-click"
import AdImpression from "./models/ad-impression"
import {
  AdDTO,
  AdImpressionIngestResult,
  AdImpressionInput,
  CapIncrement,
  CapWindow,
  CheckedClickInput,
  CountedCap,
  DeliveryCounts,
  RecordedClick,
} from "./types"
import { AdTrafficTable } from "./retention-sql"
import { isAdEligible } from "./lib/eligibility"
import { Rng, weightedPickWithoutReplacement } from "./lib/pick"
import { ServeCheck } from "./lib/signing"
import {
  AdCandidateSource,
  AdDeliveryStats,
  AdFrequencyCaps,
  AdRedisConnection,
  AdServeSigner,
  AdServingCache,
  AdTrafficRecorder,
  AdTrafficRetention,
  ELIGIBLE_CACHE_TTL_MS,
} from "./services"

export type { CapIncrement, CapWindow, CheckedClickInput, CountedCap, DeliveryCounts, RecordedClick } from "./types"
export { capKey } from "./lib/windows"

type InjectedDependencies = {
  adRedisConnection: AdRedisConnection
  adServingCache: AdServingCache
  adFrequencyCaps: AdFrequencyCaps
  adTrafficRecorder: AdTrafficRecorder
  adDeliveryStats: AdDeliveryStats
  adTrafficRetention: AdTrafficRetention
  adServeSigner: AdServeSigner
}

/**
 * The ad module's public face: the generated CRUD plus serving, capping, recording and reporting,
 * each delegated to its internal service in `services/` (resolved from the module's container).
 */
class AdModuleService extends MedusaService({ Ad, AdImpression, AdClick }) {
  protected readonly redis_: AdRedisConnection
  protected readonly cache_: AdServingCache
  protected readonly caps_: AdFrequencyCaps
  protected readonly recorder_: AdTrafficRecorder
  protected readonly stats_: AdDeliveryStats
  protected readonly retention_: AdTrafficRetention
  protected readonly signer_: AdServeSigner
  /** What the serving cache reads on a miss. */
  protected readonly candidateSource_: AdCandidateSource = {
    activeEventIds: async () =>
      (await this.listAds({ is_active: true, is_archived: false }, { select: ["event_id"], take: null })).map(
        (ad) => ad.event_id as string
      ),
    activeAdsOf: async (productId) =>
      (await this.listAds({ event_id: productId, is_active: true, is_archived: false }, { take: null })) as unknown as AdDTO[],
  }

  constructor(container: InjectedDependencies) {
    // eslint-disable-next-line prefer-rest-params
    super(...arguments)
    this.redis_ = container.adRedisConnection
    this.cache_ = container.adServingCache
    this.caps_ = container.adFrequencyCaps
    this.recorder_ = container.adTrafficRecorder
    this.stats_ = container.adDeliveryStats
    this.retention_ = container.adTrafficRetention
    this.signer_ = container.adServeSigner
  }

  __hooks = {
    // Connected before the first request: a fail-fast client answers nothing while it connects.
    onApplicationStart: async () => {
      this.watchChanges()
    },
    onApplicationShutdown: async () => {
      await this.redis_.close()
    },
  }

  /** A serve token for an ad answered to a viewer: what makes its impressions and click billable. */
  async signServeToken(adId: string, viewerKey: string, now = new Date()): Promise<{ token: string; expires_at: Date }> {
    return this.signer_.sign(adId, viewerKey, now)
  }

  /** Whether a serve token was issued by this app for this ad and viewer, and is still valid. */
  async checkServeToken(
    adId: string,
    viewerKey: string | null,
    token: string | null | undefined,
    now = new Date()
  ): Promise<ServeCheck> {
    return this.signer_.check(adId, viewerKey, token, now)
  }

  /** Retention: deletes one batch of impressions or clicks older than `cutoff`; answers how many. */
  @InjectManager()
  async purgeAdTrafficBefore(
    table: AdTrafficTable,
    cutoff: Date,
    limit: number,
    @MedusaContext() sharedContext: Context<EntityManager> = {}
  ): Promise<number> {
    return this.retention_.purgeBefore(sharedContext.manager!, table, cutoff, limit)
  }

  /** Erasure: a deleted customer's impressions and clicks stay counted but lose every link to them. */
  @InjectManager()
  async eraseCustomerAdTraffic(
    customerId: string,
    @MedusaContext() sharedContext: Context<EntityManager> = {}
  ): Promise<number> {
    return this.retention_.eraseCustomer(sharedContext.manager!, customerId)
  }

  /** Entries held in memory, for tests and diagnostics. */
  async cacheSizes(): Promise<{ eligible: number; known_events: number; memory_caps: number }> {
    return { ...this.cache_.sizes(), memory_caps: this.caps_.memorySize }
  }

  /** Active, unarchived ads of an event for a placement; schedule and session are checked per request. */
  async listCandidateAds(productId: string, placement: string): Promise<AdDTO[]> {
    this.watchChanges()
    return this.cache_.candidates(productId, placement, this.candidateSource_)
  }

  /** Called by every ad mutation: this process at once, the others through Redis (else within the TTL). */
  async invalidateEligibleCache(): Promise<void> {
    this.cache_.clear()
    await this.redis_.publishChange()
  }

  /**
   * The serving decision: eligible ads (cached candidates, checked against the
   * schedule and session now), minus those the viewer has reached its cap for,
   * then a weighted pick without repeats.
   */
  async selectAds(input: {
    event_id: string
    placement: string
    session_id?: string | null
    viewer_key?: string | null
    limit: number
    now?: Date
    rng?: Rng
  }): Promise<AdDTO[]> {
    const now = input.now ?? new Date()
    const candidates = await this.listCandidateAds(input.event_id, input.placement)
    const eligible = candidates.filter((ad) =>
      isAdEligible(ad, { placement: input.placement, session_id: input.session_id, now })
    )
    const capped = eligible.filter((ad) => ad.frequency_cap != null)
    let allowed = eligible
    if (capped.length && input.viewer_key) {
      const windows = capped.map((ad) => ({ ad_id: ad.id, frequency_window_hours: ad.frequency_window_hours }))
      const usage = await this.countCapUsage(input.viewer_key, windows, now)
      allowed = eligible.filter((ad) => ad.frequency_cap == null || (usage[ad.id] ?? 0) < ad.frequency_cap)
    }
    return weightedPickWithoutReplacement(allowed, (ad) => ad.weight, input.limit, input.rng)
  }

  /** How many valid impressions the viewer had of each ad in its current cap window. */
  async countCapUsage(viewerKey: string, windows: CapWindow[], now = new Date()): Promise<Record<string, number>> {
    if (!windows.length) {
      return {}
    }
    if (!this.caps_.countsInRedis) {
      return this.countCapUsageInPostgres(viewerKey, windows, now)
    }
    return this.caps_.countInRedis(viewerKey, windows, now)
  }

  @InjectManager()
  async countCapUsageInPostgres(
    viewerKey: string,
    windows: CapWindow[],
    now: Date,
    @MedusaContext() sharedContext: Context<EntityManager> = {}
  ): Promise<Record<string, number>> {
    return this.caps_.countInPostgres(sharedContext.manager!, viewerKey, windows, now)
  }

  /**
   * Counts impressions toward caps in Redis (no-op without Redis), in this process's memory
   * while Redis is unavailable; returns what was counted where, for compensation.
   */
  async incrementCapCounters(increments: CapIncrement[], now = new Date()): Promise<CountedCap[]> {
    return this.caps_.increment(increments, now)
  }

  async decrementCapCounters(counted: CountedCap[]): Promise<void> {
    return this.caps_.decrement(counted)
  }

  /** Stores a batch of impressions in one statement, per-IP-prefix hourly cap applied under locks. */
  @InjectManager()
  async ingestImpressions(
    impressions: AdImpressionInput[],
    @MedusaContext() sharedContext: Context<EntityManager> = {}
  ): Promise<AdImpressionIngestResult> {
    if (!impressions.length) {
      return { accepted: 0, duplicates: 0, upgraded: 0, ivt: 0, rows: [] }
    }
    return this.ingestImpressions_(impressions, sharedContext)
  }

  @InjectTransactionManager()
  protected async ingestImpressions_(
    impressions: AdImpressionInput[],
    @MedusaContext() sharedContext: Context<EntityManager> = {}
  ): Promise<AdImpressionIngestResult> {
    return this.recorder_.ingestImpressions(sharedContext.transactionManager!, impressions)
  }

  /** Compensation: removes impressions a failed workflow inserted. */
  @InjectManager()
  async removeImpressions(ids: string[], @MedusaContext() sharedContext: Context<EntityManager> = {}) {
    if (ids.length) {
      await this.deleteAdImpressions(ids, sharedContext)
    }
  }

  /** Compensation: undoes viewable upgrades a failed workflow made. */
  @InjectManager()
  async downgradeImpressions(ids: string[], @MedusaContext() sharedContext: Context<EntityManager> = {}) {
    if (ids.length) {
      await this.updateAdImpressions({ selector: { id: ids }, data: { viewable: false, viewable_at: null } }, sharedContext)
    }
  }

  /** Records a click under the ad's click lock, applying the rules that depend on stored clicks. */
  @InjectManager()
  async recordCheckedClick(
    click: CheckedClickInput,
    @MedusaContext() sharedContext: Context<EntityManager> = {}
  ): Promise<RecordedClick> {
    return this.recordCheckedClick_(click, sharedContext)
  }

  @InjectTransactionManager()
  protected async recordCheckedClick_(
    click: CheckedClickInput,
    @MedusaContext() sharedContext: Context<EntityManager> = {}
  ): Promise<RecordedClick> {
    return this.recorder_.recordCheckedClick(sharedContext.transactionManager!, click)
  }

  /** The viewer's latest impression of the ad, for the too-fast-click rule. */
  @InjectManager()
  async lastImpressionAt(
    adId: string,
    viewerKey: string,
    @MedusaContext() sharedContext: Context<EntityManager> = {}
  ): Promise<Date | null> {
    const [latest] = await this.listAdImpressions(
      { ad_id: adId, viewer_key: viewerKey },
      { select: ["occurred_at"], order: { occurred_at: "DESC" }, take: 1 },
      sharedContext
    )
    return latest?.occurred_at ? new Date(latest.occurred_at) : null
  }

  /** Delivery counts per ad with one GROUP BY per table. */
  @InjectManager()
  async deliveryCounts(
    adIds: string[],
    @MedusaContext() sharedContext: Context<EntityManager> = {}
  ): Promise<Record<string, DeliveryCounts>> {
    if (!adIds.length) {
      return {}
    }
    return this.stats_.deliveryCounts(sharedContext.manager!, adIds)
  }

  /** Listens for other processes' ad changes (with Redis); without Redis there is one process to keep fresh. */
  protected watchChanges() {
    this.redis_.watchChanges(() => this.cache_.clear(), ELIGIBLE_CACHE_TTL_MS)
  }
}

export default AdModuleService
