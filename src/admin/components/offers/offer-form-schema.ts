import { z } from "zod"
import { OFFER_PLACEMENTS, OFFER_TYPES } from "../../../modules/offer/types"
import type { AdminOffer, AdminOfferCreatePayload, AdminOfferUpdatePayload } from "../../hooks/api/offers"

const DECIMAL = /^\d+(\.\d+)?$/
const INTEGER = /^\d+$/
const amount = (value: string) => Number(value.trim())

/** Mirrors AdminCreateOffer / AdminUpdateOffer (src/api/admin/offers/validators.ts) over the form's string inputs. */
export const offerFormSchema = z
  .object({
    event_id: z.string().min(1, "Choose the event"),
    variant_id: z.string().min(1, "Choose the product variant the offer sells"),
    title: z.string().trim().min(1, "Give the offer a title").max(200, "At most 200 characters"),
    description: z.string().max(5000, "At most 5000 characters"),
    image_url: z.union([
      z.literal(""),
      z.url({ protocol: /^https?$/, error: "Enter a full http(s) URL, e.g. https://…" }),
    ]),
    offer_type: z.enum(OFFER_TYPES),
    placement: z.enum(OFFER_PLACEMENTS),
    price: z.string().trim().regex(DECIMAL, "Enter a price of 0 or more"),
    original_price: z.union([z.literal(""), z.string().trim().regex(DECIMAL, "Enter a price of 0 or more")]),
    currency_code: z.string().trim().regex(/^[A-Za-z]{3}$/, "Use a 3-letter currency code, e.g. EUR"),
    inventory_total: z.union([z.literal(""), z.string().trim().regex(INTEGER, "Enter a whole number of 0 or more")]),
    max_per_customer: z.union([z.literal(""), z.string().trim().regex(/^[1-9]\d{0,2}$|^1000$/, "Enter a whole number from 1 to 1000")]),
    requires_ticket: z.boolean(),
    starts_at: z.string(),
    expires_at: z.string(),
    target_ticket_tiers: z.array(z.string()).max(200),
    target_sessions: z.array(z.string()).max(200),
    is_active: z.boolean(),
  })
  .superRefine((values, ctx) => {
    if (values.original_price && DECIMAL.test(values.price) && amount(values.original_price) < amount(values.price)) {
      ctx.addIssue({
        code: "custom",
        path: ["original_price"],
        message: "The original price must be at least the offer price",
      })
    }
    if (values.starts_at && values.expires_at && new Date(values.expires_at) <= new Date(values.starts_at)) {
      ctx.addIssue({ code: "custom", path: ["expires_at"], message: "The offer must expire after it starts" })
    }
  })

export type OfferFormValues = z.infer<typeof offerFormSchema>

const pad = (n: number) => String(n).padStart(2, "0")

/** ISO → the local "YYYY-MM-DDTHH:mm" a datetime-local input shows. */
export function toLocalInput(value: string | null | undefined): string {
  if (!value) {
    return ""
  }
  const date = new Date(value)
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`
}

const fromLocalInput = (value: string) => (value ? new Date(value).toISOString() : null)

export function offerFormDefaults(offer?: AdminOffer, productId?: string): OfferFormValues {
  return {
    event_id: offer?.event_id ?? productId ?? "",
    variant_id: offer?.variant_id ?? "",
    title: offer?.title ?? "",
    description: offer?.description ?? "",
    image_url: offer?.image_url ?? "",
    offer_type: offer?.offer_type ?? "MERCHANDISE",
    placement: offer?.placement ?? "CHECKOUT",
    price: offer ? String(offer.price) : "",
    original_price: offer?.original_price === null || offer?.original_price === undefined ? "" : String(offer.original_price),
    currency_code: offer?.currency_code ?? "",
    inventory_total: offer?.inventory_total === null || offer?.inventory_total === undefined ? "" : String(offer.inventory_total),
    max_per_customer: offer?.max_per_customer ? String(offer.max_per_customer) : "",
    requires_ticket: offer?.requires_ticket ?? false,
    starts_at: toLocalInput(offer?.starts_at),
    expires_at: toLocalInput(offer?.expires_at),
    target_ticket_tiers: offer?.target_ticket_tiers ?? [],
    target_sessions: offer?.target_sessions ?? [],
    is_active: offer?.is_active ?? true,
  }
}

/** The update body: every editable field, empty inputs sent as null so clearing a field clears it. */
export function toUpdatePayload(values: OfferFormValues): AdminOfferUpdatePayload {
  return {
    variant_id: values.variant_id,
    title: values.title.trim(),
    description: values.description.trim() || null,
    image_url: values.image_url || null,
    offer_type: values.offer_type,
    placement: values.placement,
    price: amount(values.price),
    original_price: values.original_price ? amount(values.original_price) : null,
    currency_code: values.currency_code.trim().toLowerCase(),
    inventory_total: values.inventory_total ? Number(values.inventory_total) : null,
    max_per_customer: values.max_per_customer ? Number(values.max_per_customer) : null,
    requires_ticket: values.requires_ticket,
    starts_at: fromLocalInput(values.starts_at),
    expires_at: fromLocalInput(values.expires_at),
    target_ticket_tiers: values.target_ticket_tiers,
    target_sessions: values.target_sessions,
    is_active: values.is_active,
  }
}

export function toCreatePayload(values: OfferFormValues): AdminOfferCreatePayload {
  return { ...toUpdatePayload(values), event_id: values.event_id } as AdminOfferCreatePayload
}
