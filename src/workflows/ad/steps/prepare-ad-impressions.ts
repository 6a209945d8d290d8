import { randomUUID } from "crypto"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import type { RejectedItem } from "../../../lib/ingestion/validate-batch"
import { AD_MODULE } from "../../../modules/ad"
import { viewerKey } from "../../../modules/ad/lib/viewer"
import type AdModuleService from "../../../modules/ad/service"
import type { CapWindow } from "../../../modules/ad/service"
import { AdDTO, AdImpressionInput, AdImpressionReport, AdRequestContext } from "../../../modules/ad/types"

export type PrepareAdImpressionsStepInput = {
  items: { index: number; value: AdImpressionReport }[]
  context: AdRequestContext
}

export type PreparedAdImpressions = {
  impressions: AdImpressionInput[]
  rejected: RejectedItem[]
  cap_windows: CapWindow[]
}

/**
 * Resolves each reported impression's ad (unknown ads are rejected alone) and its viewer, and
 * classifies it: an impression without a valid serve token for that ad and viewer is invalid
 * traffic (`unsigned`, `bad_signature`, `expired`), stored but never billed. No writes.
 */
export const prepareAdImpressionsStep = createStep(
  "prepare-ad-impressions",
  async ({ items, context }: PrepareAdImpressionsStepInput, { container }) => {
    const service: AdModuleService = container.resolve(AD_MODULE)
    const adIds = [...new Set(items.map(({ value }) => value.ad_id))]
    const ads = adIds.length
      ? ((await service.listAds({ id: adIds }, { take: null })) as unknown as AdDTO[])
      : []
    const byId = new Map(ads.map((ad) => [ad.id, ad]))
    const now = new Date()
    const impressions: AdImpressionInput[] = []
    const rejected: RejectedItem[] = []
    for (const { index, value } of items) {
      const ad = byId.get(value.ad_id)
      if (!ad) {
        rejected.push({ index, reason: `ad_id: ad ${value.ad_id} does not exist` })
        continue
      }
      const viewer = viewerKey(context.customer_id, value.session_token)
      const serve = await service.checkServeToken(ad.id, viewer, value.serve_token, now)
      impressions.push({
        client_id: value.id ?? randomUUID(),
        ad_id: ad.id,
        event_id: ad.event_id,
        placement: value.placement,
        viewer_key: viewer,
        session_token: value.session_token ?? null,
        session_id: value.session_id ?? null,
        customer_id: context.customer_id,
        viewable: value.viewable ?? false,
        ivt_reason: context.ivt_reason ?? (serve.valid ? null : serve.reason),
        user_agent: context.user_agent,
        ip_prefix: context.ip_prefix,
        occurred_at: value.timestamp,
      })
    }
    const cap_windows = ads
      .filter((ad) => ad.frequency_cap != null)
      .map((ad) => ({ ad_id: ad.id, frequency_window_hours: ad.frequency_window_hours }))
    return new StepResponse<PreparedAdImpressions>({ impressions, rejected, cap_windows })
  }
)
