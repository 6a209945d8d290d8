import { Context, Logger } from "@medusajs/framework/types"
import {
  generateEntityId,
  InjectManager,
  InjectTransactionManager,
  MedusaContext,
  MedusaService,
} from "@medusajs/framework/utils"
import { EntityManager } from "@medusajs/framework/mikro-orm/knex"
import type Redis from "ioredis"
import { LRUCache } from "lru-cache"
import Ad from "./models/ad"
import AdClick from "./models/ad-click"
import AdImpression from "./models/ad-impression"
import {
  AD_CLICK_RULE_FACTS_SQL,
  AD_DELIVERY_COUNTS_SQL,
  AD_IVT_REASON_COUNTS_SQL,
  CAP_COUNTS_SQL,
  DOWNGRADE_AD_IMPRESSIONS_SQL,
  INGEST_AD_IMPRESSIONS_SQL,
  INSERT_AD_CLICK_SQL,
  LAST_IMPRESSION_SQL,
  LOCK_KEYS_SQL,
  REDIS_INCR_WITH_TTL,
  REMOVE_AD_IMPRESSIONS_SQL,
} from "./sql"
import {
  AdClickInput,
  AdDTO,
  AdImpressionIngestResult,
  AdImpressionInput,
  AdImpressionRow,
  AdIvtReason,
  AdIvtReasonCounts,
} from "./types"
import { parsePluginOptions, PluginOptions } from "../../lib/plugin-options"
import { executeCounting } from "../../lib/retention/execute-counting"
import { AdTrafficTable, ERASE_CUSTOMER_AD_TRAFFIC_SQL, PURGE_AD_TRAFFIC_SQL } from "./retention-sql"
import { isAdEligible } from "./lib/eligibility"
import { viewerKey } from "./lib/viewer"
import { Rng, weightedPickWithoutReplacement } from "./lib/pick"
import { deriveAdSigningKey, ServeCheck, signServe, verifyServe } from "./lib/signing"
import { MemoryCapCounters } from "./lib/memory-cap-counters"
import { FAIL_FAST_REDIS_OPTIONS, RedisOutage, SUBSCRIBER_REDIS_OPTIONS } from "../../lib/redis-outage"

/** How long the eligible ads of one event and placement are served from memory. */
export const ELIGIBLE_CACHE_TTL_MS = 10_000
/**
 * Most (event, placement) entries served from memory. Only events that have ads get entries
 * (see `knownEvents`), so this bounds what admins created, not what callers ask for.
 */
export const ELIGIBLE_CACHE_MAX = 5_000
/** Every process clears its serving cache when any process changes an ad. */
export const ELIGIBLE_CACHE_CHANNEL = "monetization:ads:invalidate"

export type CapWindow = { ad_id: string; frequency_window_hours: number }
export type CapIncrement = CapWindow & { viewer_key: string }
/** A counted cap impression and where it was counted, so compensation undoes it there. */
export type CountedCap = { key: string; in: "redis" | "memory" }
export type DeliveryCounts = {
  impressions: number
  viewable_impressions: number
  ivt_impressions: number
  clicks: number
  ivt_clicks: number
  ivt_reasons: AdIvtReasonCounts
}
type IvtReasonRow = { kind: keyof AdIvtReasonCounts; ad_id: string; ivt_reason: AdIvtReason; count: number }

const HOUR_MS = 3_600_000

/** Start of the clock hour `now` is in: the per-IP-prefix caps count per clock hour. */
export const hourStart = (now: Date) => new Date(Math.floor(now.getTime() / HOUR_MS) * HOUR_MS)

/** The secret Medusa signs tokens with; outside production a missing JWT_SECRET is Medusa's "supersecret" too. */
function jwtSecretOf(container: Record<string, unknown>): string {
  try {
    const config = container.configModule as { projectConfig?: { http?: { jwtSecret?: string } } } | undefined
    return config?.projectConfig?.http?.jwtSecret || process.env.JWT_SECRET || "supersecret"
  } catch {
    return process.env.JWT_SECRET || "supersecret"
  }
}

/** A click to record, with the rules only the ad's click lock can apply. */
export type CheckedClickInput = AdClickInput & {
  /** The serve nonce of a validly signed click; a second click with it is `replayed`. */
  nonce: string | null
}
export type RecordedClick = { id: string | null; click_id: string; ivt_reason: AdIvtReason | null }

/**
 * Fixed windows aligned on the epoch: the key names the window it counts, and
 * the TTL ends it, so an expired window costs nothing.
 */
export function capKey(adId: string, viewerKey: string, windowHours: number, now: Date) {
  const windowMs = windowHours * HOUR_MS
  const bucket = Math.floor(now.getTime() / windowMs)
  return { key: `monetization:ad-cap:${adId}:${viewerKey}:${windowHours}h:${bucket}`, ttlMs: (bucket + 1) * windowMs - now.getTime() + 60_000 }
}

class AdModuleService extends MedusaService({ Ad, AdImpression, AdClick }) {
  protected readonly options_: PluginOptions
  protected readonly logger_?: Logger
  protected redis_: Redis | null = null
  protected subscriber_: Redis | null = null
  protected readonly eligibleCache_ = new LRUCache<string, AdDTO[]>({ max: ELIGIBLE_CACHE_MAX, ttl: ELIGIBLE_CACHE_TTL_MS })
  /** Events with at least one active ad; the gate that keeps unknown event ids out of the cache and the database. */
  protected knownEvents_: { ids: Set<string>; expiresAt: number } | null = null
  protected knownEventsLoad_: Promise<Set<string>> | null = null
  protected readonly memoryCaps_ = new MemoryCapCounters()
  protected readonly outage_: RedisOutage
  /** Bumped on every invalidation: a read that raced one is not cached. */
  protected cacheGeneration_ = 0

  protected readonly signingKey_: Buffer

  constructor(container: Record<string, unknown>, options: unknown) {
    // eslint-disable-next-line prefer-rest-params
    super(...arguments)
    this.options_ = parsePluginOptions(options)
    this.logger_ = container.logger as Logger | undefined
    this.signingKey_ = deriveAdSigningKey(this.options_.ads.clickSecret, jwtSecretOf(container))
    this.outage_ = new RedisOutage(this.logger_, "ad module", "frequency caps count in this process's memory")
  }

  /** A serve token for an ad answered to a viewer: what makes its impressions and click billable. */
  async signServeToken(adId: string, viewerKey: string, now = new Date()): Promise<{ token: string; expires_at: Date }> {
    const expiresAt = new Date(now.getTime() + this.options_.ads.signedUrlTtlMinutes * 60_000)
    return { token: signServe(this.signingKey_, adId, viewerKey, expiresAt), expires_at: expiresAt }
  }

  /** Retention: deletes one batch of impressions or clicks older than `cutoff`; answers how many. */
  @InjectManager()
  async purgeAdTrafficBefore(
    table: AdTrafficTable,
    cutoff: Date,
    limit: number,
    @MedusaContext() sharedContext: Context<EntityManager> = {}
  ): Promise<number> {
    return executeCounting(sharedContext.manager!, PURGE_AD_TRAFFIC_SQL[table], [cutoff.toISOString(), limit])
  }

  /** Erasure: a deleted customer's impressions and clicks stay counted but lose every link to them. */
  @InjectManager()
  async eraseCustomerAdTraffic(
    customerId: string,
    @MedusaContext() sharedContext: Context<EntityManager> = {}
  ): Promise<number> {
    const manager = sharedContext.manager!
    const bindings = [customerId, viewerKey(customerId, null)]
    const impressions = await executeCounting(manager, ERASE_CUSTOMER_AD_TRAFFIC_SQL.impressions, bindings)
    return impressions + (await executeCounting(manager, ERASE_CUSTOMER_AD_TRAFFIC_SQL.clicks, bindings))
  }

  /** Whether a serve token was issued by this app for this ad and viewer, and is still valid. */
  async checkServeToken(
    adId: string,
    viewerKey: string | null,
    token: string | null | undefined,
    now = new Date()
  ): Promise<ServeCheck> {
    return verifyServe(this.signingKey_, adId, viewerKey, token, now)
  }

  __hooks = {
    // Connected before the first request: a fail-fast client answers nothing while it connects.
    onApplicationStart: async () => {
      this.watchInvalidations()
    },
    onApplicationShutdown: async () => {
      // quit() needs a connection; during an outage disconnect() stops the reconnect attempts.
      await Promise.all([this.redis_, this.subscriber_].map((client) => client?.quit().catch(() => client.disconnect())))
      this.redis_ = null
      this.subscriber_ = null
    },
  }

  /** The Redis that counts caps: the plugin's `redisUrl`, else the host's REDIS_URL, else none (Postgres counts). */
  protected redis(): Redis | null {
    const url = this.options_.redisUrl ?? process.env.REDIS_URL
    if (!url) {
      return null
    }
    if (!this.redis_) {
      // Loaded only when configured: hosts without Redis need not install ioredis.
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const RedisClient: typeof Redis = require("ioredis")
      this.redis_ = this.outage_.watch(new RedisClient(url, FAIL_FAST_REDIS_OPTIONS))
    }
    return this.redis_
  }

  /** Listens for other processes' ad changes (with Redis); without Redis there is one process to keep fresh. */
  protected watchInvalidations() {
    const redis = this.redis()
    if (!redis || this.subscriber_) {
      return
    }
    // Errors are the outage the command client reports; ioredis resubscribes after a reconnect.
    this.subscriber_ = redis.duplicate(SUBSCRIBER_REDIS_OPTIONS)
    this.subscriber_.on("error", () => undefined)
    this.subscriber_.on("message", () => this.clearEligibleCache())
    this.subscriber_.subscribe(ELIGIBLE_CACHE_CHANNEL).catch((error: Error) => {
      this.logger_?.warn(`ad module: cannot watch ad changes, other servers' edits show within ${ELIGIBLE_CACHE_TTL_MS} ms: ${error.message}`)
    })
  }

  protected clearEligibleCache() {
    this.cacheGeneration_++
    this.eligibleCache_.clear()
    this.knownEvents_ = null
    this.knownEventsLoad_ = null
  }

  /** Entries held in memory, for tests and diagnostics. */
  async cacheSizes(): Promise<{ eligible: number; known_events: number; memory_caps: number }> {
    return {
      eligible: this.eligibleCache_.size,
      known_events: this.knownEvents_?.ids.size ?? 0,
      memory_caps: this.memoryCaps_.size,
    }
  }

  /**
   * Ids of events with an active ad, reloaded every TTL and on ad changes (one query for all
   * callers). Callers choose `event_id` freely; checking it here costs no query and no entry,
   * where a negative cache would have to hold what they send.
   */
  protected async knownEvents(): Promise<Set<string>> {
    if (this.knownEvents_ && this.knownEvents_.expiresAt > Date.now()) {
      return this.knownEvents_.ids
    }
    if (!this.knownEventsLoad_) {
      const generation = this.cacheGeneration_
      const load = this.listAds({ is_active: true, is_archived: false }, { select: ["event_id"], take: null })
        .then((ads) => {
          const ids = new Set(ads.map((ad) => ad.event_id as string))
          if (generation === this.cacheGeneration_) {
            this.knownEvents_ = { ids, expiresAt: Date.now() + ELIGIBLE_CACHE_TTL_MS }
          }
          return ids
        })
        .finally(() => {
          if (this.knownEventsLoad_ === load) {
            this.knownEventsLoad_ = null
          }
        })
      this.knownEventsLoad_ = load
    }
    return this.knownEventsLoad_
  }

  /** Active, unarchived ads of an event for a placement; schedule and session are checked per request. */
  async listCandidateAds(eventId: string, placement: string): Promise<AdDTO[]> {
    this.watchInvalidations()
    if (!(await this.knownEvents()).has(eventId)) {
      return []
    }
    const cacheKey = `${eventId}\u0000${placement}`
    const cached = this.eligibleCache_.get(cacheKey)
    if (cached) {
      return cached
    }
    const generation = this.cacheGeneration_
    const ads = (await this.listAds(
      { event_id: eventId, is_active: true, is_archived: false },
      { take: null }
    )) as unknown as AdDTO[]
    const forPlacement = ads
      .filter((ad) => (ad.placements ?? []).includes(placement as AdDTO["placements"][number]))
      .map((ad) => ({ ...ad, weight: Number(ad.weight), rate: Number(ad.rate) }))
    if (generation === this.cacheGeneration_) {
      this.eligibleCache_.set(cacheKey, forPlacement)
    }
    return forPlacement
  }

  /** Called by every ad mutation: this process at once, the others through Redis (else within the TTL). */
  async invalidateEligibleCache(): Promise<void> {
    this.clearEligibleCache()
    await this.redis()
      ?.publish(ELIGIBLE_CACHE_CHANNEL, "1")
      .catch((error: Error) => this.logger_?.warn(`ad module: cannot tell other servers about an ad change: ${error.message}`))
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
    const redis = this.redis()
    if (!redis) {
      return this.countCapUsageInPostgres(viewerKey, windows, now)
    }
    const keys = windows.map((w) => capKey(w.ad_id, viewerKey, w.frequency_window_hours, now).key)
    // What this process counted during an outage still holds once Redis is back, for the rest of the window.
    const inMemory = keys.map((key) => this.memoryCaps_.get(key))
    const inRedis = await this.readRedisCounts(redis, keys)
    return Object.fromEntries(windows.map((w, i) => [w.ad_id, Math.max(inMemory[i], inRedis?.[i] ?? 0)]))
  }

  /**
   * Counters in Redis, or null while it is unavailable: caps then hold per process only
   * (fail-open). Postgres is not the fallback: an outage under load would move a count
   * query onto every ad answer.
   */
  protected async readRedisCounts(redis: Redis, keys: string[]): Promise<number[] | null> {
    if (this.outage_.isDown && redis.status !== "ready") {
      return null
    }
    try {
      const values = await redis.mget(...keys)
      return values.map((value) => Number(value ?? 0))
    } catch (error) {
      this.outage_.failed(error as Error)
      return null
    }
  }

  @InjectManager()
  async countCapUsageInPostgres(
    viewerKey: string,
    windows: CapWindow[],
    now: Date,
    @MedusaContext() sharedContext: Context<EntityManager> = {}
  ): Promise<Record<string, number>> {
    const input = windows.map((w) => ({
      ad_id: w.ad_id,
      since: new Date(now.getTime() - w.frequency_window_hours * HOUR_MS).toISOString(),
    }))
    const rows: { ad_id: string; count: number }[] = await sharedContext.manager!.execute(CAP_COUNTS_SQL, [
      JSON.stringify(input),
      viewerKey,
    ])
    return Object.fromEntries(rows.map((row) => [row.ad_id, Number(row.count)]))
  }

  /**
   * Counts impressions toward caps in Redis (no-op without Redis), in this process's memory
   * while Redis is unavailable; returns what was counted where, for compensation.
   */
  async incrementCapCounters(increments: CapIncrement[], now = new Date()): Promise<CountedCap[]> {
    const redis = this.redis()
    if (!redis || !increments.length) {
      return []
    }
    const counted: CountedCap[] = []
    for (const inc of increments) {
      const { key, ttlMs } = capKey(inc.ad_id, inc.viewer_key, inc.frequency_window_hours, now)
      if (await this.incrementInRedis(redis, key, ttlMs)) {
        counted.push({ key, in: "redis" })
      } else {
        this.memoryCaps_.increment(key, ttlMs)
        counted.push({ key, in: "memory" })
      }
    }
    return counted
  }

  protected async incrementInRedis(redis: Redis, key: string, ttlMs: number): Promise<boolean> {
    if (this.outage_.isDown && redis.status !== "ready") {
      return false
    }
    try {
      await redis.eval(REDIS_INCR_WITH_TTL, 1, key, String(ttlMs))
      return true
    } catch (error) {
      this.outage_.failed(error as Error)
      return false
    }
  }

  async decrementCapCounters(counted: CountedCap[]): Promise<void> {
    const inRedis = counted.filter((c) => c.in === "redis").map((c) => c.key)
    counted.filter((c) => c.in === "memory").forEach((c) => this.memoryCaps_.decrement(c.key))
    const redis = this.redis()
    if (!redis || !inRedis.length) {
      return
    }
    const pipeline = redis.multi()
    inRedis.forEach((key) => pipeline.decr(key))
    // A counter Redis lost with its outage has nothing to undo; it expires with its window.
    await pipeline.exec().catch((error: Error) => this.outage_.failed(error))
  }

  /**
   * Stores a batch of impressions in one statement (see INGEST_AD_IMPRESSIONS_SQL), with the
   * per-IP-prefix hourly cap applied under locks on each (ad, IP prefix) so concurrent batches
   * cannot both slip under it.
   */
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
    const manager = sharedContext.transactionManager!
    const input = impressions.map((impression) => ({
      ...impression,
      id: generateEntityId(undefined, "madi"),
      occurred_at: new Date(impression.occurred_at).toISOString(),
    }))
    const lockKeys = [
      ...new Set(input.filter((row) => !row.ivt_reason).map((row) => `monetization_ad_ip:${row.ad_id}:${row.ip_prefix ?? ""}`)),
    ].sort()
    if (lockKeys.length) {
      await manager.execute(LOCK_KEYS_SQL, [JSON.stringify(lockKeys)])
    }
    const rows: AdImpressionRow[] = await manager.execute(INGEST_AD_IMPRESSIONS_SQL, [
      JSON.stringify(input),
      hourStart(new Date()).toISOString(),
      this.options_.ads.maxImpressionsPerIpPrefixPerHour,
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

  @InjectManager()
  async removeImpressions(ids: string[], @MedusaContext() sharedContext: Context<EntityManager> = {}) {
    if (ids.length) {
      await sharedContext.manager!.execute(REMOVE_AD_IMPRESSIONS_SQL, [JSON.stringify(ids)])
    }
  }

  @InjectManager()
  async downgradeImpressions(ids: string[], @MedusaContext() sharedContext: Context<EntityManager> = {}) {
    if (ids.length) {
      await sharedContext.manager!.execute(DOWNGRADE_AD_IMPRESSIONS_SQL, [JSON.stringify(ids)])
    }
  }

  /**
   * Records a click under the ad's click lock, applying the rules that depend on stored clicks:
   * a signed URL used again is `replayed` (stored under a fresh click id), a viewer's second valid
   * click within the duplicate window is `duplicate_click`, and valid clicks of one IP prefix past
   * the hourly cap are `ip_rate_limited`. Rules apply only to a click not already invalid.
   */
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
    const manager = sharedContext.transactionManager!
    const now = new Date(click.occurred_at)
    await manager.execute(LOCK_KEYS_SQL, [JSON.stringify([`monetization_ad_click:${click.ad_id}`])])
    const duplicateSince = new Date(now.getTime() - this.options_.ads.duplicateClickWindowMinutes * 60_000)
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
    if (!reason && Number(facts.ip_clicks) >= this.options_.ads.maxClicksPerIpPrefixPerHour) {
      reason = "ip_rate_limited"
    }
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

  @InjectManager()
  async lastImpressionAt(
    adId: string,
    viewerKey: string,
    @MedusaContext() sharedContext: Context<EntityManager> = {}
  ): Promise<Date | null> {
    const rows: { last_at: Date | string | null }[] = await sharedContext.manager!.execute(LAST_IMPRESSION_SQL, [
      adId,
      viewerKey,
    ])
    return rows[0]?.last_at ? new Date(rows[0].last_at) : null
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
    const ids = [JSON.stringify(adIds)]
    const [rows, reasons] = (await Promise.all([
      sharedContext.manager!.execute(AD_DELIVERY_COUNTS_SQL, ids),
      sharedContext.manager!.execute(AD_IVT_REASON_COUNTS_SQL, ids),
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

export default AdModuleService
