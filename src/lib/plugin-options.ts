import { z } from "@medusajs/framework/zod"

export const PLUGIN_NAME = "medusa-plugin-event-monetization"

const ingestionOptionsSchema = z
  .object({
    maxBatchSize: z.number().int().min(1).max(5000).default(500),
    maxFutureSkewMinutes: z.number().int().min(0).max(24 * 60).default(10),
    maxEventAgeDays: z.number().int().min(1).max(365).default(7),
    /** An event whose `metadata` serializes to more bytes than this is rejected alone. */
    maxMetadataBytes: z.number().int().min(256).max(64 * 1024).default(16 * 1024),
  })
  .strict()

const adsOptionsSchema = z
  .object({
    /** Key of the click and serve signatures; else one derived from `http.jwtSecret` (never the raw secret). */
    clickSecret: z.string().min(32).optional(),
    /** How long a signed click URL or serve token from `GET /store/ads` stays valid. */
    signedUrlTtlMinutes: z.number().int().min(1).max(24 * 60).default(60),
    /** A viewer's second click on the same ad within this window is invalid traffic (`duplicate_click`). */
    duplicateClickWindowMinutes: z.number().int().min(1).max(7 * 24 * 60).default(30),
    /** Most billable clicks per ad per IP prefix (/24, /48) per clock hour; the rest is `ip_rate_limited`. */
    maxClicksPerIpPrefixPerHour: z.number().int().min(1).max(1_000_000).default(50),
    /** Most billable impressions per ad per IP prefix per clock hour; the rest is `ip_rate_limited`. */
    maxImpressionsPerIpPrefixPerHour: z.number().int().min(1).max(10_000_000).default(1000),
  })
  .strict()

const abTestOptionsSchema = z
  .object({
    /** Largest `goal_value` (major units) one tracked conversion may carry; values are never negative. */
    maxGoalValue: z.number().positive().max(1e9).default(100_000),
  })
  .strict()

const retentionOptionsSchema = z
  .object({
    /**
     * Raw analytics events (serves included), ad impressions and clicks and A/B events older than this are
     * deleted; daily rollups and A/B session aggregates stay. Raw A/B events of a running test stay until it stops.
     */
    days: z.number().int().min(8).max(3650).default(90),
    /** Rows one DELETE statement takes; the job loops until done or `maxRowsPerRun`. */
    batchSize: z.number().int().min(100).max(50_000).default(5000),
    /** Rows one run of the job deletes at most per table; the rest waits for the next run. */
    maxRowsPerRun: z.number().int().min(1000).max(10_000_000).default(500_000),
  })
  .strict()

const waitlistNotificationOptionsSchema = z
  .object({
    /** Notification Module channel of seat offers and their lapse. */
    channel: z.string().min(1).default("email"),
    offerTemplate: z.string().min(1).default("waitlist-offer"),
    expiredTemplate: z.string().min(1).default("waitlist-offer-expired"),
    /** Base URL of the storefront; the accept link is `<storefrontUrl><acceptPath>?session_id=…&join_token=…`. */
    storefrontUrl: z.string().url().default("http://localhost:8000"),
    acceptPath: z.string().startsWith("/").default("/waitlist/accept"),
  })
  .strict()

/** One fixed-window limit: at most `points` in every `duration` seconds. */
const limit = (points: number, duration: number) =>
  z
    .object({
      points: z.number().int().min(1).max(1_000_000_000).default(points),
      duration: z.number().int().min(1).max(24 * 60 * 60).default(duration),
    })
    .strict()
    .default({ points, duration })

const rateLimitOptionsSchema = z
  .object({
    enabled: z.boolean().default(true),
    /** Prefix of the counters' Redis keys (several apps on one Redis keep their counts apart). */
    keyPrefix: z.string().min(1).max(64).default("monetization:rl"),
    /** Requests per viewer (customer, else session token) on every public route. */
    viewer: limit(120, 60),
    /** Requests per client IP on the read and tracking routes. */
    ip: limit(6000, 60),
    /** Items (events, impressions, clicks) per client IP on the tracking routes, whatever the tokens. */
    ipEvents: limit(30_000, 60),
    /** Items all clients of one publishable key may write. */
    publishableKey: limit(600_000, 60),
    /** Most of the publishable key's quota one IP may take. */
    ipShareOfKey: z.number().gt(0).max(1).default(0.1),
    /** Purchase, checkout and waitlist actions per customer. */
    customer: limit(30, 60),
    /** Purchase, checkout and waitlist actions per client IP (many customers share a venue's address). */
    purchaseIp: limit(3000, 60),
    /** Socket.io connection attempts per client IP. */
    socketIp: limit(600, 60),
    /** Socket.io connections per customer. */
    socketCustomer: limit(20, 60),
  })
  .strict()

export const pluginOptionsSchema = z
  .object({
    offerHoldMinutes: z.number().int().min(1).max(24 * 60).default(15),
    /** Most units of one offer a customer may hold and buy (an offer's own `max_per_customer` wins). */
    offerMaxPerCustomer: z.number().int().min(1).max(1000).default(10),
    /** The payment provider offer checkouts open sessions with (as registered in the app). */
    offerPaymentProviderId: z.string().min(1).default("pp_stripe_stripe"),
    /** Offer checkouts (cart + payment session) run at once per server process; the rest wait their turn. */
    offerCheckoutConcurrency: z.number().int().min(1).max(64).default(2),
    /** After a failed payment attempt the hold lasts at most this long, for the buyer to retry. */
    offerPaymentRetryMinutes: z.number().int().min(1).max(24 * 60).default(5),
    waitlistOfferMinutes: z.number().int().min(1).max(24 * 60).default(15),
    /** An accepted seat whose cart is not completed within this many minutes returns to the pool. */
    waitlistCheckoutMinutes: z.number().int().min(1).max(24 * 60).default(15),
    /** Seats one waitlist entry may ask for (never above the session's capacity either). */
    waitlistMaxQuantity: z.number().int().min(1).max(100).default(10),
    /** Times the head of a list may be passed over before freed seats accumulate for it. */
    waitlistHeadSkips: z.number().int().min(0).max(100).default(3),
    waitlistNotifications: waitlistNotificationOptionsSchema.default(waitlistNotificationOptionsSchema.parse({})),
    ingestion: ingestionOptionsSchema.default(ingestionOptionsSchema.parse({})),
    ads: adsOptionsSchema.default(adsOptionsSchema.parse({})),
    abTests: abTestOptionsSchema.default(abTestOptionsSchema.parse({})),
    retention: retentionOptionsSchema.default(retentionOptionsSchema.parse({})),
    rateLimits: rateLimitOptionsSchema.default(rateLimitOptionsSchema.parse({})),
    redisUrl: z.string().url().optional(),
  })
  .strict()
  .superRefine((options, ctx) => {
    // A deleted event's client id no longer deduplicates a retry; ingestion must already refuse it as too old.
    if (options.retention.days <= options.ingestion.maxEventAgeDays) {
      ctx.addIssue({
        code: z.ZodIssueCode.custom,
        path: ["retention", "days"],
        message: `must be greater than ingestion.maxEventAgeDays (${options.ingestion.maxEventAgeDays})`,
      })
    }
  })

export type PluginOptions = z.infer<typeof pluginOptionsSchema>
export type IngestionOptions = PluginOptions["ingestion"]
export type AdsOptions = PluginOptions["ads"]
export type AbTestOptions = PluginOptions["abTests"]
export type RetentionOptions = PluginOptions["retention"]
export type RateLimitOptions = PluginOptions["rateLimits"]
export type RateLimitLayer = Exclude<keyof RateLimitOptions, "enabled" | "keyPrefix" | "ipShareOfKey">
export type WaitlistNotificationOptions = PluginOptions["waitlistNotifications"]

/** Keys Medusa adds to every module's options; they are not the host's to validate. */
const FRAMEWORK_OPTION_KEYS = ["database"]

/** Validates the options a host passes to the plugin; the error names every bad option. */
export function parsePluginOptions(raw: unknown): PluginOptions {
  const hostOptions = Object.fromEntries(
    Object.entries((raw ?? {}) as Record<string, unknown>).filter(([key]) => !FRAMEWORK_OPTION_KEYS.includes(key))
  )
  const parsed = pluginOptionsSchema.safeParse(hostOptions)
  if (parsed.success) {
    return parsed.data
  }
  const problems = parsed.error.issues
    .map((issue) => `\`${issue.path.join(".") || "(root)"}\`: ${issue.message}`)
    .join("; ")
  throw new Error(`${PLUGIN_NAME}: invalid plugin options — ${problems}`)
}
