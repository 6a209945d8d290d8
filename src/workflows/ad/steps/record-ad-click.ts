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
  /** The serve token `GET /store/ads` answered with the ad; a click without a valid one is never billed. */
  serve_token?: string
  /** The viewer a signed click URL names; else the request's customer or session token. */
  viewer_key?: string
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
 * Records a click (404 for an unknown ad). Only a click backed by a signed serve of the ad to
 * this viewer can be billed; bots, prefetches, unsigned, expired or forged signatures, clicks
 * within 1 s of the viewer's impression, replays, a viewer's repeat clicks and clicks over the
 * IP prefix's hourly cap are stored with a reason. Answers the ad's stored URL, never another.
 */
export const recordAdClickStep = createStep(
  "record-ad-click",
  async (input: RecordAdClickStepInput, { container }) => {
    const service: AdModuleService = container.resolve(AD_MODULE)
    const ad = (await service.retrieveAd(input.ad_id)) as unknown as AdDTO
    const now = new Date()
    const viewer = input.viewer_key ?? viewerKey(input.context.customer_id, input.session_token)
    const serve = await service.checkServeToken(ad.id, viewer, input.serve_token, now)
    let ivtReason: AdIvtReason | null = input.context.ivt_reason ?? (serve.valid ? null : serve.reason)
    if (!ivtReason && viewer && isClickTooFast(await service.lastImpressionAt(ad.id, viewer), now)) {
      ivtReason = "click_too_fast"
    }
    const nonce = serve.valid ? serve.nonce : null
    const recorded = await service.recordCheckedClick({
      // One billable click per serve: a signed click's id is its serve nonce.
      click_id: nonce ? `serve:${ad.id}:${nonce}` : input.click_id ?? randomUUID(),
      nonce,
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
      click_id: recorded.click_id,
      click_url: ad.click_url,
      recorded: !!recorded.id,
      ivt_reason: recorded.ivt_reason,
      viewer_key: viewer,
      session_token: input.session_token ?? null,
      occurred_at: now.toISOString(),
    }
    return new StepResponse(click, recorded.id)
  },
  async (id, { container }) => {
    if (!id) {
      return
    }
    const service: AdModuleService = container.resolve(AD_MODULE)
    await service.deleteAdClicks(id)
  }
)
