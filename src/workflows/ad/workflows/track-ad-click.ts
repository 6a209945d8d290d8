import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import type { AdRequestContext } from "../../../modules/ad/types"
import type { MonetizationEventInput } from "../../../modules/monetization-event/types"
import { trackMonetizationEventsWorkflow } from "../../monetization-event"
import { RecordAdClickStepInput, RecordedAdClick, recordAdClickStep } from "../steps/record-ad-click"

export type TrackAdClickWorkflowInput = RecordAdClickStepInput

function clickEvents({ click, context }: { click: RecordedAdClick; context: AdRequestContext }) {
  const events: MonetizationEventInput[] = []
  if (click.recorded && !click.ivt_reason) {
    events.push({
      client_event_id: `ad_click:${click.click_id}`,
      type: "AD_CLICK",
      entity_id: click.ad_id,
      event_id: click.event_id,
      session_token: click.session_token,
      customer_id: context.customer_id,
      occurred_at: click.occurred_at,
      metadata: null,
      user_agent: context.user_agent,
      ip_prefix: context.ip_prefix,
      source: "server",
    })
  }
  return events
}

/** Records an ad click once per click id and feeds valid ones to analytics; answers the click URL. */
export const trackAdClickWorkflow = createWorkflow("track-ad-click", (input: TrackAdClickWorkflowInput) => {
  const click = recordAdClickStep(input)
  const events = transform({ click, context: input.context }, clickEvents)
  trackMonetizationEventsWorkflow.runAsStep({ input: { events } })
  return new WorkflowResponse(click)
})
