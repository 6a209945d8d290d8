import { z } from "@medusajs/framework/zod"
import { httpUrl } from "../../../lib/http-url"
import { AD_DEFAULTS } from "../../../modules/ad/defaults"
import { AD_CONTENT_TYPES, AD_PLACEMENTS, AD_PRICING_MODELS } from "../../../modules/ad/types"
import { booleanString, createFindParams, createSelectParams, pageLimit } from "../../utils/validators"

const placements = z
  .array(z.enum(AD_PLACEMENTS))
  .min(1, "placements: an ad needs at least one placement")
  .refine((list) => new Set(list).size === list.length, "placements must not repeat")

const nullableDate = z.union([z.null(), z.coerce.date()]).optional()

const fields = {
  event_id: z.string().min(1).max(128),
  name: z.string().trim().min(1).max(200),
  content_type: z.enum(AD_CONTENT_TYPES),
  media_url: httpUrl("media_url"),
  click_url: httpUrl("click_url"),
  display_duration_seconds: z.number().int().min(1, "display_duration_seconds must be at least 1").max(3600),
  aspect_ratio: z
    .string()
    .regex(/^\d+(\.\d+)?:\d+(\.\d+)?$/, "aspect_ratio must look like 16:9")
    .nullable()
    .optional(),
  placements,
  target_sessions: z.array(z.string().min(1).max(128)).max(500),
  weight: z.number().finite().min(0, "weight must be >= 0"),
  frequency_cap: z.number().int().min(1, "frequency_cap must be at least 1").nullable().optional(),
  frequency_window_hours: z.number().int().min(1).max(24 * 366),
  starts_at: nullableDate,
  ends_at: nullableDate,
  is_active: z.boolean(),
  sponsor_name: z.string().max(200).nullable().optional(),
  pricing_model: z.enum(AD_PRICING_MODELS),
  rate: z.number().finite().min(0, "rate must be >= 0"),
  currency_code: z
    .string()
    .regex(/^[a-zA-Z]{3}$/, "currency_code must be a 3-letter ISO code")
    .transform((code) => code.toLowerCase()),
}

type ScheduleAndPrice = {
  starts_at?: Date | null
  ends_at?: Date | null
  pricing_model?: string
  rate?: number
}

/** Cross-field rules visible in the body alone; the update step re-checks them on the merged ad. */
function crossFieldRules(value: ScheduleAndPrice, ctx: z.RefinementCtx) {
  if (value.starts_at && value.ends_at && value.ends_at.getTime() <= value.starts_at.getTime()) {
    ctx.addIssue({ code: "custom", path: ["ends_at"], message: "ends_at must be after starts_at" })
  }
  if ((value.pricing_model === "CPM" || value.pricing_model === "CPC") && value.rate !== undefined && !(value.rate > 0)) {
    ctx.addIssue({ code: "custom", path: ["rate"], message: `a ${value.pricing_model} ad needs a rate above 0` })
  }
}

export const AdminCreateAd = z
  .object({
    ...fields,
    display_duration_seconds: fields.display_duration_seconds.default(AD_DEFAULTS.display_duration_seconds),
    aspect_ratio: fields.aspect_ratio.default(AD_DEFAULTS.aspect_ratio),
    target_sessions: fields.target_sessions.default([]),
    weight: fields.weight.default(1),
    frequency_cap: fields.frequency_cap.default(AD_DEFAULTS.frequency_cap),
    frequency_window_hours: fields.frequency_window_hours.default(AD_DEFAULTS.frequency_window_hours),
    is_active: fields.is_active.default(true),
    pricing_model: fields.pricing_model.default("FLAT"),
    rate: fields.rate.default(0),
    currency_code: fields.currency_code.default("eur"),
  })
  .strict()
  .superRefine(crossFieldRules)
export type AdminCreateAdType = z.infer<typeof AdminCreateAd>

export const AdminUpdateAd = z
  .object({
    event_id: fields.event_id.optional(),
    name: fields.name.optional(),
    content_type: fields.content_type.optional(),
    media_url: fields.media_url.optional(),
    click_url: fields.click_url.optional(),
    display_duration_seconds: fields.display_duration_seconds.optional(),
    aspect_ratio: fields.aspect_ratio,
    placements: fields.placements.optional(),
    target_sessions: fields.target_sessions.optional(),
    weight: fields.weight.optional(),
    frequency_cap: fields.frequency_cap,
    frequency_window_hours: fields.frequency_window_hours.optional(),
    starts_at: fields.starts_at,
    ends_at: fields.ends_at,
    is_active: fields.is_active.optional(),
    sponsor_name: fields.sponsor_name,
    pricing_model: fields.pricing_model.optional(),
    rate: fields.rate.optional(),
    currency_code: fields.currency_code.optional(),
  })
  .strict()
  .superRefine(crossFieldRules)
export type AdminUpdateAdType = z.infer<typeof AdminUpdateAd>

export const AdminGetAdsParams = createFindParams({ limit: 20, offset: 0, order: "-created_at" })
  .omit({ with_deleted: true })
  .extend({
    limit: pageLimit(),
    event_id: z.union([z.string().min(1), z.array(z.string().min(1))]).optional(),
    content_type: z.union([z.enum(AD_CONTENT_TYPES), z.array(z.enum(AD_CONTENT_TYPES))]).optional(),
    /** Ads that may show in this placement (among others). */
    placement: z.enum(AD_PLACEMENTS).optional(),
    is_active: booleanString().optional(),
    is_archived: booleanString().optional(),
  })
  .strict()
export type AdminGetAdsParamsType = z.infer<typeof AdminGetAdsParams>

export const AdminGetAdParams = createSelectParams().strict()
