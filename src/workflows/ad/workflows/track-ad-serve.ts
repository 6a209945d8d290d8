import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import type { MonetizationEventInput } from "../../../modules/monetization-event/types"
import { trackMonetizationEventsWorkflow } from "../../monetization-event"

export type TrackAdServeWorkflowInput = {
  serve_id: string
  event_id: string
  placement: string
  ad_ids: string[]
  session_token: string | null
  customer_id: string | null
  user_agent: string | null
  ip_prefix: string | null
}

/** Records which ads one GET /store/ads answer served (AD_SERVE), one event per ad. */
export const trackAdServeWorkflow = createWorkflow("track-ad-serve", (input: TrackAdServeWorkflowInput) => {
  const events = transform({ input }, ({ input }) =>
    input.ad_ids.map<MonetizationEventInput>((adId) => ({
      client_event_id: `ad_serve:${input.serve_id}:${adId}`,
      type: "AD_SERVE",
      entity_id: adId,
      event_id: input.event_id,
      session_token: input.session_token,
      customer_id: input.customer_id,
      occurred_at: new Date().toISOString(),
      metadata: { placement: input.placement },
      user_agent: input.user_agent,
      ip_prefix: input.ip_prefix,
      source: "server",
    }))
  )
  const result = trackMonetizationEventsWorkflow.runAsStep({ input: { events } })
  return new WorkflowResponse(result)
})
