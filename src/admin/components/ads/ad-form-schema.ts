import * as zod from "zod"
import { AD_DEFAULTS } from "../../../modules/ad/defaults"
import { AD_CONTENT_TYPES, AD_PLACEMENTS, AD_PRICING_MODELS } from "../../../modules/ad/types"
import type { AdminAd, AdminCreateAdPayload } from "../../hooks/api/ads"
import { isHttpUrl } from "./http-url"

const url = (label: string) =>
  zod.string().trim().min(1, `${label} is required`).max(2048).refine(isHttpUrl, `${label} must be a well-formed http(s) URL`)

/** Number inputs hold strings; `required: false` lets an empty field mean "none". */
const number = (label: string, { min, max, int = false, required = true }: { min: number; max?: number; int?: boolean; required?: boolean }) =>
  zod.string().trim().superRefine((raw, ctx) => {
    if (raw === "") {
      if (required) {
        ctx.addIssue({ code: "custom", message: `${label} is required` })
      }
      return
    }
    const value = Number(raw)
    if (!Number.isFinite(value) || (int && !Number.isInteger(value))) {
      ctx.addIssue({ code: "custom", message: `${label} must be ${int ? "a whole number" : "a number"}` })
    } else if (value < min || (max !== undefined && value > max)) {
      ctx.addIssue({ code: "custom", message: `${label} must be ${max === undefined ? `at least ${min}` : `between ${min} and ${max}`}` })
    }
  })

/** Mirrors `AdminCreateAd` on the server, so most mistakes show before a round trip. */
export const AdFormSchema = zod
  .object({
    event_id: zod.string().min(1, "Choose the event the ad runs on"),
    name: zod.string().trim().min(1, "Name is required").max(200),
    sponsor_name: zod.string().trim().max(200),
    content_type: zod.enum(AD_CONTENT_TYPES),
    media_url: url("Media URL"),
    click_url: url("Click URL"),
    aspect_ratio: zod
      .string()
      .trim()
      .regex(/^(\d+(\.\d+)?:\d+(\.\d+)?)?$/, "Aspect ratio must look like 16:9"),
    placements: zod.array(zod.enum(AD_PLACEMENTS)).min(1, "Choose at least one placement"),
    target_sessions: zod.string(),
    weight: number("Weight", { min: 0 }),
    display_duration_seconds: number("Display duration", { min: 1, max: 3600, int: true }),
    frequency_cap: number("Frequency cap", { min: 1, int: true, required: false }),
    frequency_window_hours: number("Cap window", { min: 1, max: 24 * 366, int: true }),
    starts_at: zod.string(),
    ends_at: zod.string(),
    is_active: zod.boolean(),
    pricing_model: zod.enum(AD_PRICING_MODELS),
    rate: number("Rate", { min: 0 }),
    currency_code: zod.string().trim().regex(/^[a-zA-Z]{3}$/, "Currency must be a 3-letter ISO code"),
  })
  .superRefine((value, ctx) => {
    if (value.starts_at && value.ends_at && new Date(value.ends_at) <= new Date(value.starts_at)) {
      ctx.addIssue({ code: "custom", path: ["ends_at"], message: "End must be after start" })
    }
    if (value.pricing_model !== "FLAT" && value.rate.trim() !== "" && !(Number(value.rate) > 0)) {
      ctx.addIssue({ code: "custom", path: ["rate"], message: `A ${value.pricing_model} ad needs a rate above 0` })
    }
  })

export type AdFormValues = zod.infer<typeof AdFormSchema>

/** `<input type="datetime-local">` speaks local time without a zone. */
const toLocalInput = (iso: string | null) => {
  if (!iso) {
    return ""
  }
  const date = new Date(iso)
  return new Date(date.getTime() - date.getTimezoneOffset() * 60_000).toISOString().slice(0, 16)
}

export const adFormDefaults = (ad?: AdminAd): AdFormValues => ({
  event_id: ad?.event_id ?? "",
  name: ad?.name ?? "",
  sponsor_name: ad?.sponsor_name ?? "",
  content_type: ad?.content_type ?? "BANNER",
  media_url: ad?.media_url ?? "",
  click_url: ad?.click_url ?? "",
  aspect_ratio: ad ? ad.aspect_ratio ?? "" : AD_DEFAULTS.aspect_ratio,
  placements: ad?.placements ?? [],
  target_sessions: (ad?.target_sessions ?? []).join(", "),
  weight: String(ad?.weight ?? 1),
  display_duration_seconds: String(ad?.display_duration_seconds ?? AD_DEFAULTS.display_duration_seconds),
  frequency_cap: ad ? (ad.frequency_cap == null ? "" : String(ad.frequency_cap)) : String(AD_DEFAULTS.frequency_cap),
  frequency_window_hours: String(ad?.frequency_window_hours ?? AD_DEFAULTS.frequency_window_hours),
  starts_at: toLocalInput(ad?.starts_at ?? null),
  ends_at: toLocalInput(ad?.ends_at ?? null),
  is_active: ad?.is_active ?? true,
  pricing_model: ad?.pricing_model ?? "FLAT",
  rate: String(ad?.rate ?? 0),
  currency_code: ad?.currency_code ?? "eur",
})

const orNull = (value: string) => (value.trim() === "" ? null : value.trim())

export const adFormToPayload = (values: AdFormValues): AdminCreateAdPayload => ({
  event_id: values.event_id,
  name: values.name.trim(),
  sponsor_name: orNull(values.sponsor_name),
  content_type: values.content_type,
  media_url: values.media_url.trim(),
  click_url: values.click_url.trim(),
  aspect_ratio: orNull(values.aspect_ratio),
  placements: values.placements,
  target_sessions: values.target_sessions
    .split(/[\s,]+/)
    .map((id) => id.trim())
    .filter(Boolean),
  weight: Number(values.weight),
  display_duration_seconds: Number(values.display_duration_seconds),
  frequency_cap: values.frequency_cap.trim() === "" ? null : Number(values.frequency_cap),
  frequency_window_hours: Number(values.frequency_window_hours),
  starts_at: values.starts_at ? new Date(values.starts_at).toISOString() : null,
  ends_at: values.ends_at ? new Date(values.ends_at).toISOString() : null,
  is_active: values.is_active,
  pricing_model: values.pricing_model,
  rate: Number(values.rate),
  currency_code: values.currency_code.trim().toLowerCase(),
})
