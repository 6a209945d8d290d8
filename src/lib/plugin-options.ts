import { z } from "@medusajs/framework/zod"

export const PLUGIN_NAME = "medusa-plugin-event-monetization"

const ingestionOptionsSchema = z
  .object({
    maxBatchSize: z.number().int().min(1).max(5000).default(500),
    maxFutureSkewMinutes: z.number().int().min(0).max(24 * 60).default(10),
    maxEventAgeDays: z.number().int().min(1).max(365).default(7),
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

export const pluginOptionsSchema = z
  .object({
    offerHoldMinutes: z.number().int().min(1).max(24 * 60).default(15),
    waitlistOfferMinutes: z.number().int().min(1).max(24 * 60).default(15),
    /** An accepted seat whose cart is not completed within this many minutes returns to the pool. */
    waitlistCheckoutMinutes: z.number().int().min(1).max(24 * 60).default(15),
    /** Seats one waitlist entry may ask for (never above the session's capacity either). */
    waitlistMaxQuantity: z.number().int().min(1).max(100).default(10),
    /** Times the head of a list may be passed over before freed seats accumulate for it. */
    waitlistHeadSkips: z.number().int().min(0).max(100).default(3),
    waitlistNotifications: waitlistNotificationOptionsSchema.default(waitlistNotificationOptionsSchema.parse({})),
    ingestion: ingestionOptionsSchema.default(ingestionOptionsSchema.parse({})),
    redisUrl: z.string().url().optional(),
  })
  .strict()

export type PluginOptions = z.infer<typeof pluginOptionsSchema>
export type IngestionOptions = PluginOptions["ingestion"]
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
