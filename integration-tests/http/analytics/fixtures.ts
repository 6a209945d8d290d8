/** A client event as the tracker sends it: a fresh client id, now, overridable field by field. */
export const trackedEvent = (overrides: Record<string, unknown> = {}) => ({
  id: `evt_${Math.random().toString(36).slice(2, 12)}`,
  type: "OFFER_VIEW",
  entityId: "moff_1",
  event_id: "prod_event",
  session_token: "sess_1",
  timestamp: new Date().toISOString(),
  ...overrides,
})
