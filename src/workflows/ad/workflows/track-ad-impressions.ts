import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import type { CapIncrement } from "../../../modules/ad/service"
import type { AdImpressionIngestResult, AdRequestContext } from "../../../modules/ad/types"
import type { MonetizationEventInput } from "../../../modules/monetization-event/types"
import { trackMonetizationEventsWorkflow } from "../../monetization-event"
import { incrementAdCapCountersStep } from "../steps/increment-ad-cap-counters"
import { PreparedAdImpressions, prepareAdImpressionsStep, PrepareAdImpressionsStepInput } from "../steps/prepare-ad-impressions"
import { recordAdImpressionsStep } from "../steps/record-ad-impressions"

export type TrackAdImpressionsWorkflowInput = PrepareAdImpressionsStepInput

/** New valid impressions of capped ads, by viewer: what the Redis counters must add. */
function capIncrements({ prepared, result }: { prepared: PreparedAdImpressions; result: AdImpressionIngestResult }) {
  const windows = new Map(prepared.cap_windows.map((w) => [w.ad_id, w.frequency_window_hours]))
  return result.rows
    .filter((row) => row.inserted && !row.ivt_reason && row.viewer_key && windows.has(row.ad_id))
    .map<CapIncrement>((row) => ({
      ad_id: row.ad_id,
      viewer_key: row.viewer_key!,
      frequency_window_hours: windows.get(row.ad_id)!,
    }))
}

/** Valid impressions and viewable upgrades as server-sourced monetization events, so analytics sees them once. */
function monetizationEvents({ result, context }: { result: AdImpressionIngestResult; context: AdRequestContext }) {
  const events: MonetizationEventInput[] = []
  for (const row of result.rows.filter((r) => !r.ivt_reason)) {
    const base = {
      entity_id: row.ad_id,
      event_id: row.event_id,
      session_token: row.session_token,
      customer_id: row.customer_id,
      occurred_at: row.occurred_at,
      metadata: null,
      user_agent: context.user_agent,
      ip_prefix: context.ip_prefix,
      source: "server" as const,
    }
    if (row.inserted) {
      events.push({ ...base, client_event_id: `ad_impression:${row.client_id}`, type: "AD_IMPRESSION" })
    }
    if (row.viewable) {
      events.push({ ...base, client_event_id: `ad_viewable:${row.client_id}`, type: "AD_VIEWABLE_IMPRESSION" })
    }
  }
  return events
}

/** Records a batch of ad impressions: dedup, viewable upgrades, IVT kept apart, caps counted, analytics fed. */
export const trackAdImpressionsWorkflow = createWorkflow(
  "track-ad-impressions",
  (input: TrackAdImpressionsWorkflowInput) => {
    const prepared = prepareAdImpressionsStep(input)
    const impressions = transform({ prepared }, ({ prepared }) => prepared.impressions)
    const result = recordAdImpressionsStep(impressions)
    const increments = transform({ prepared, result }, capIncrements)
    incrementAdCapCountersStep(increments)
    const events = transform({ result, context: input.context }, monetizationEvents)
    trackMonetizationEventsWorkflow.runAsStep({ input: { events } })
    const receipt = transform({ prepared, result }, ({ prepared, result }) => ({
      accepted: result.accepted,
      duplicates: result.duplicates,
      upgraded: result.upgraded,
      ivt: result.ivt,
      rejected: prepared.rejected,
    }))
    return new WorkflowResponse(receipt)
  }
)
