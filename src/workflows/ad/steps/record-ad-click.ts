import { randomUUID } from "crypto"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { AD_MODULE } from "../../../modules/ad"
import { isClickTooFast } from "../../../modules/ad/lib/ivt"
import { viewerKey } from "../../../modules/ad/lib/viewer"
import type AdModuleService from "../../../modules/ad/service"
import { AdDTO, AdIvtReason, AdRequestContext } from "../../../modules/ad/types"

export type RecordAdClickStepInput = {
  ad_id: string
  click_id?: string
  session_token?: string
  placement?: string
  context: AdRequestContext
}

export type RecordedAdClick = {
  ad_id: string
  event_id: string
  click_id: string
  click_url: string
  recorded: boolean
  ivt_reason: AdIvtReason | null
  viewer_key: string | null
  session_token: string | null
  occurred_at: string
}

/**
 * Records a click once per click id (404 for an unknown ad). Bots, prefetches
 * and clicks within 1 s of the viewer's impression are stored with a reason.
 */
export const recordAdClickStep = createStep(
  "record-ad-click",
  async (input: RecordAdClickStepInput, { container }) => {
    const service: AdModuleService = container.resolve(AD_MODULE)
    const ad = (await service.retrieveAd(input.ad_id)) as unknown as AdDTO
    const now = new Date()
    const viewer = viewerKey(input.context.customer_id, input.session_token)
    let ivtReason = input.context.ivt_reason
    if (!ivtReason && viewer && isClickTooFast(await service.lastImpressionAt(ad.id, viewer), now)) {
      ivtReason = "click_too_fast"
    }
    const clickId = input.click_id ?? randomUUID()
    const { id } = await service.recordClick({
      click_id: clickId,
      ad_id: ad.id,
      event_id: ad.event_id,
      placement: input.placement ?? null,
      viewer_key: viewer,
      session_token: input.session_token ?? null,
      customer_id: input.context.customer_id,
      ivt_reason: ivtReason,
      user_agent: input.context.user_agent,
      ip_prefix: input.context.ip_prefix,
      occurred_at: now,
    })
    const click: RecordedAdClick = {
      ad_id: ad.id,
      event_id: ad.event_id,
      click_id: clickId,
      click_url: ad.click_url,
      recorded: !!id,
      ivt_reason: ivtReason,
      viewer_key: viewer,
      session_token: input.session_token ?? null,
      occurred_at: now.toISOString(),
    }
    return new StepResponse(click, id)
  },
  async (id, { container }) => {
    if (!id) {
      return
    }
    const service: AdModuleService = container.resolve(AD_MODULE)
    await service.deleteAdClicks(id)
  }
)
