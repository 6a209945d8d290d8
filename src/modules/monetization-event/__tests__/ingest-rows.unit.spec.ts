import { toIngestRows } from "../ingest-rows"
import { MonetizationEventInput } from "../types"

const event = (overrides: Partial<MonetizationEventInput>): MonetizationEventInput => ({
  client_event_id: "c1",
  type: "OFFER_VIEW",
  entity_id: "moff_1",
  event_id: "prod_1",
  session_token: "tok",
  customer_id: null,
  occurred_at: "2026-12-01T10:00:00.000Z",
  metadata: null,
  user_agent: "Mozilla/5.0",
  ip_prefix: "10.0.0.0/24",
  source: "client",
  ...overrides,
})

describe("toIngestRows", () => {
  it("sends what every event shares once and keeps what differs on each row", () => {
    const { shared, rows } = toIngestRows(
      [event({ client_event_id: "c1", session_token: "a" }), event({ client_event_id: "c2", session_token: "b", occurred_at: new Date("2026-12-01T11:00:00Z") })],
      ["mev_1", "mev_2"]
    )
    expect(shared).toEqual({ event_id: "prod_1", customer_id: null, user_agent: "Mozilla/5.0", ip_prefix: "10.0.0.0/24", source: "client" })
    expect(rows).toEqual([
      { id: "mev_1", client_event_id: "c1", type: "OFFER_VIEW", entity_id: "moff_1", occurred_at: "2026-12-01T10:00:00.000Z", metadata: null, session_token: "a" },
      { id: "mev_2", client_event_id: "c2", type: "OFFER_VIEW", entity_id: "moff_1", occurred_at: "2026-12-01T11:00:00.000Z", metadata: null, session_token: "b" },
    ])
  })
})
