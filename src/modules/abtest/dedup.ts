import type { AbEventType } from "./types"

type DedupInput = {
  event_type: AbEventType
  session_token: string
  goal: string | null
  client_event_id: string | null
}

/**
 * What makes two events of one test the same fact: a session's view counts once;
 * a session's conversion counts once per goal unless the test allows repeats, in
 * which case (as for secondary metrics) only a retried client id is a repeat.
 * Null means "never a duplicate".
 */
export function abEventDedupKey(event: DedupInput, allowRepeatConversions: boolean): string | null {
  if (event.event_type === "variant_view") {
    return `view:${event.session_token}`
  }
  if (event.event_type === "goal_conversion" && !allowRepeatConversions) {
    return `conversion:${event.goal ?? ""}:${event.session_token}`
  }
  return event.client_event_id ? `client:${event.client_event_id}` : null
}
