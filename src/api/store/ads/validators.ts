import { z } from "@medusajs/framework/zod"
import { AD_PLACEMENTS } from "../../../modules/ad/types"
import { pageLimit } from "../../utils/validators"

export const MAX_ADS_PER_ANSWER = 10
export const MAX_IMPRESSION_BATCH = 200

const token = z.string().min(1).max(128)

export const StoreGetAdsParams = z
  .object({
    event_id: z.string().min(1).max(128),
    placement: z.enum(AD_PLACEMENTS),
    session_id: token.optional(),
    session_token: token.optional(),
    limit: pageLimit({ defaultLimit: 1, max: MAX_ADS_PER_ANSWER }),
  })
  .strict()
export type StoreGetAdsParamsType = z.infer<typeof StoreGetAdsParams>

export const StoreAdImpressionBatch = z
  .object({ impressions: z.array(z.unknown()).min(1).max(MAX_IMPRESSION_BATCH) })
  .strict()
export type StoreAdImpressionBatchType = z.infer<typeof StoreAdImpressionBatch>

/** One impression of a batch; validated one by one so a bad one is rejected alone. */
export const StoreAdImpression = z
  .object({
    id: z.string().min(8).max(128).optional(),
    ad_id: z.string().min(1).max(128),
    placement: z.enum(AD_PLACEMENTS),
    session_token: token.optional(),
    session_id: token.optional(),
    viewable: z.boolean().optional(),
    serve_token: z.string().min(1).max(256).optional(),
    timestamp: z.union([z.number(), z.string()]).pipe(z.coerce.date()),
  })
  .strict()
export type StoreAdImpressionType = z.infer<typeof StoreAdImpression>

const clickFields = {
  click_id: z.string().min(8).max(128).optional(),
  session_token: token.optional(),
  placement: z.enum(AD_PLACEMENTS).optional(),
  serve_token: z.string().min(1).max(256).optional(),
}

export const StoreAdClick = z.object(clickFields).strict()
export type StoreAdClickType = z.infer<typeof StoreAdClick>

export const StoreAdClickParams = z.object(clickFields).strict()
export type StoreAdClickParamsType = z.infer<typeof StoreAdClickParams>

/** The query of a signed click URL (`GET /ads/:id/click`): viewer, serve token, placement. */
export const SignedAdClickParams = z
  .object({
    v: z.string().min(1).max(256).optional(),
    t: z.string().min(1).max(256).optional(),
    p: z.enum(AD_PLACEMENTS).optional(),
  })
  .strict()
export type SignedAdClickParamsType = z.infer<typeof SignedAdClickParams>
