import { randomUUID } from "crypto"
import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { AD_MODULE } from "../../../modules/ad"
import { viewerKey } from "../../../modules/ad/lib/viewer"
import type AdModuleService from "../../../modules/ad/service"
import { STORE_AD_FIELDS } from "./query-config"
import { readAdRequestContext } from "./request-context"
import { adServeLog } from "./serve-log"
import type { StoreGetAdsParamsType } from "./validators"
import type { StoreAd, StoreAdListResponse } from "../../../types/ads"

/** Where a signed click goes: outside `/store`, so a plain link works without the publishable key header. */
export function signedClickUrl(origin: string, adId: string, viewer: string, token: string, placement: string) {
  const query = new URLSearchParams({ v: viewer, t: token, p: placement })
  return `${origin}/ads/${encodeURIComponent(adId)}/click?${query}`
}

/**
 * Picks the ads for a placement. With a viewer (customer or `session_token`) each ad carries a
 * `serve_token` (impressions report it) and a `signed_click_url`: the only billable click-through.
 */
export const GET = async (req: MedusaRequest<unknown, StoreGetAdsParamsType>, res: MedusaResponse<StoreAdListResponse>) => {
  const params = req.validatedQuery as StoreGetAdsParamsType
  const service: AdModuleService = req.scope.resolve(AD_MODULE)
  const context = readAdRequestContext(req)
  const viewer = viewerKey(context.customer_id, params.session_token)
  const picked = await service.selectAds({
    event_id: params.event_id,
    placement: params.placement,
    session_id: params.session_id,
    viewer_key: viewer,
    limit: params.limit,
  })
  const origin = `${req.protocol}://${req.get("host")}`
  const ads = await Promise.all(
    picked.map(async (ad) => {
      const fields = Object.fromEntries(STORE_AD_FIELDS.map((field) => [field, ad[field as keyof typeof ad]])) as StoreAd
      if (!viewer) {
        return fields
      }
      const serve = await service.signServeToken(ad.id, viewer)
      return {
        ...fields,
        serve_token: serve.token,
        signed_click_url: signedClickUrl(origin, ad.id, viewer, serve.token, params.placement),
        signed_until: serve.expires_at.toISOString(),
      }
    })
  )
  res.json({ ads, count: ads.length, offset: 0, limit: params.limit })

  if (picked.length && !context.ivt_reason) {
    // Recorded after answering, in batches: the serve log must never slow the ad down or fail it.
    adServeLog.add(req.scope, {
      serve_id: randomUUID(),
      event_id: params.event_id,
      placement: params.placement,
      ad_ids: picked.map((ad) => ad.id),
      session_token: params.session_token ?? null,
      customer_id: context.customer_id,
      user_agent: context.user_agent,
      ip_prefix: context.ip_prefix,
      served_at: new Date().toISOString(),
    })
  }
}
