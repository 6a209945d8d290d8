import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import type { MonetizationEventInput } from "../../../modules/monetization-event/types"
import { trackMonetizationEventsWorkflow } from "../../monetization-event"

/** One GET /store/ads answer: which ads it served, to whom, when. */
export type AdServeRecord = {
  serve_id: string
  event_id: string
  placement: string
  ad_ids: string[]
  session_token: string | null
  customer_id: string | null
  user_agent: string | null
  ip_prefix: string | null
  served_at: string
}

export type TrackAdServeWorkflowInput = { serves: AdServeRecord[] }

/** Records which ads a batch of GET /store/ads answers served (AD_SERVE), one event per served ad. */
export const trackAdServeWorkflow = createWorkflow("track-ad-serve", (input: TrackAdServeWorkflowInput) => {
  const events = transform({ input }, ({ input }) =>
    input.serves.flatMap((serve) =>
      serve.ad_ids.map<MonetizationEventInput>((adId) => ({
        client_event_id: `ad_serve:${serve.serve_id}:${adId}`,
        type: "AD_SERVE",
        entity_id: adId,
        event_id: serve.event_id,
        session_token: serve.session_token,
        customer_id: serve.customer_id,
        occurred_at: serve.served_at,
        metadata: { placement: serve.placement },
        user_agent: serve.user_agent,
        ip_prefix: serve.ip_prefix,
        source: "server",
      }))
    )
  )
  const result = trackMonetizationEventsWorkflow.runAsStep({ input: { events } })
  return new WorkflowResponse(result)
})
