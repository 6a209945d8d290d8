import { z } from "@medusajs/framework/zod"
import { httpUrl } from "../../../lib/http-url"
import { OFFER_PLACEMENTS, OFFER_PURCHASE_STATUSES, OFFER_TYPES } from "../../../modules/offer/types"
import { booleanString, createFindParams, createSelectParams, pageLimit } from "../../utils/validators"

const variantIds = z.array(z.string().min(1)).max(200)

export const AdminGetOffersParams = createFindParams({ limit: 20, offset: 0 })
  .merge(
    z.object({
      event_id: z.string().optional(),
      placement: z.enum(OFFER_PLACEMENTS).optional(),
      is_active: booleanString().optional(),
      is_archived: booleanString().optional(),
      limit: pageLimit(),
    })
  )
  .strict()
export type AdminGetOffersParamsType = z.infer<typeof AdminGetOffersParams>

export const AdminGetOfferParams = createSelectParams().strict()

const offerFields = {
  title: z.string().min(1).max(200),
  description: z.string().max(5000).nullish(),
  image_url: httpUrl("image_url").nullish(),
  offer_type: z.enum(OFFER_TYPES),
  price: z.number().finite().min(0, "price must be >= 0"),
  original_price: z.number().finite().min(0).nullish(),
  currency_code: z.string().length(3).transform((c) => c.toLowerCase()),
  placement: z.enum(OFFER_PLACEMENTS),
  target_sessions: variantIds,
  target_ticket_tiers: variantIds,
  starts_at: z.coerce.date().nullish(),
  expires_at: z.coerce.date().nullish(),
  is_active: z.boolean(),
  inventory_total: z.number().int().min(0).nullish(),
  /** Most units one customer may hold and buy; null: the plugin's `offerMaxPerCustomer`. */
  max_per_customer: z.number().int().min(1).max(1000).nullish(),
  /** Only customers with a paid ticket order for the event may buy. */
  requires_ticket: z.boolean(),
}

const crossFieldRules = <T extends z.ZodTypeAny>(schema: T) =>
  schema.superRefine((output, ctx) => {
    const value = output as Record<string, unknown>
    const price = value.price as number | undefined
    const original = value.original_price as number | null | undefined
    if (price !== undefined && original !== undefined && original !== null && original < price) {
      ctx.addIssue({ code: "custom", path: ["original_price"], message: "original_price must be >= price" })
    }
    const starts = value.starts_at as Date | null | undefined
    const expires = value.expires_at as Date | null | undefined
    if (starts && expires && expires <= starts) {
      ctx.addIssue({ code: "custom", path: ["expires_at"], message: "expires_at must be after starts_at" })
    }
  })

export const AdminCreateOffer = crossFieldRules(
  z
    .object({
      event_id: z.string().min(1),
      variant_id: z.string().min(1),
      ...offerFields,
      target_sessions: variantIds.default([]),
      target_ticket_tiers: variantIds.default([]),
      is_active: z.boolean().default(true),
      requires_ticket: z.boolean().default(false),
    })
    .strict()
)
export type AdminCreateOfferType = z.infer<typeof AdminCreateOffer>

export const AdminUpdateOffer = crossFieldRules(
  z
    .object({
      variant_id: z.string().min(1),
      ...offerFields,
    })
    .partial()
    .strict()
)
export type AdminUpdateOfferType = z.infer<typeof AdminUpdateOffer>

export const AdminGetOfferPurchasesParams = createFindParams({ limit: 20, offset: 0 })
  .merge(
    z.object({
      /** Only purchases with units the hold or the stock did not cover. */
      flagged: booleanString().optional(),
      status: z.enum(OFFER_PURCHASE_STATUSES).optional(),
      limit: pageLimit(),
    })
  )
  .strict()
export type AdminGetOfferPurchasesParamsType = z.infer<typeof AdminGetOfferPurchasesParams>
