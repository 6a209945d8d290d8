import path from "path"
import { moduleIntegrationTestRunner } from "@medusajs/test-utils"
import { MONETIZATION_EVENT_MODULE } from ".."
import type MonetizationEventModuleService from "../service"
import type { MonetizationEventInput } from "../types"

jest.setTimeout(60_000)

const EVENT = "prod_event"
const DAY = 24 * 3_600_000

let sequence = 0
const clientId = () => `evt_${Date.now().toString(36)}_${sequence++}`

const event = (overrides: Partial<MonetizationEventInput> = {}): MonetizationEventInput => ({
  client_event_id: clientId(),
  type: "OFFER_VIEW",
  entity_id: "moff_1",
  event_id: EVENT,
  session_token: "tok_a",
  customer_id: null,
  occurred_at: "2026-12-01T10:00:00.000Z",
  metadata: null,
  user_agent: "Mozilla/5.0",
  ip_prefix: "203.0.113",
  source: "client",
  ...overrides,
})

/** Batch ingestion: dedup by client id, the daily rollup in the same statement, compensation and retention. */
moduleIntegrationTestRunner<MonetizationEventModuleService>({
  moduleName: MONETIZATION_EVENT_MODULE,
  resolve: path.join(__dirname, ".."),
  pathToMigrations: path.join(__dirname, "..", "migrations"),
  testSuite: ({ service }) => {
    const range = { event_id: EVENT, date_from: "2026-11-01", date_to: "2026-12-31" }

    it("stores a batch once: a client id already stored, or repeated in the batch, is a duplicate", async () => {
      const [a, b, c] = [event(), event({ type: "OFFER_CLICK" }), event()]
      const first = await service.ingest([a, b, a])
      expect(first).toMatchObject({ accepted: 2, duplicates: 1 })
      expect([...first.inserted_client_event_ids].sort()).toEqual([a.client_event_id, b.client_event_id].sort())
      expect(first.inserted_ids).toHaveLength(2)
      expect(first.inserted_ids.every((id) => id.startsWith("mev_"))).toBe(true)

      const retry = await service.ingest([a, c])
      expect(retry).toEqual({
        accepted: 1,
        duplicates: 1,
        inserted_ids: [expect.any(String)],
        inserted_client_event_ids: [c.client_event_id],
      })
      expect(await service.ingest([])).toEqual({ accepted: 0, duplicates: 0, inserted_ids: [], inserted_client_event_ids: [] })
      expect(await service.listMonetizationEvents({}, { take: null })).toHaveLength(3)
      expect(await service.countEventsByType(range)).toEqual({ OFFER_VIEW: 2, OFFER_CLICK: 1 })
    })

    it("stores each event's own values whether the batch shares them or not", async () => {
      const anonymous = event({ metadata: { placement: "CHECKOUT" } })
      const signedIn = event({ customer_id: "cus_1", event_id: null, source: "server", type: "OFFER_PURCHASE" })
      await service.ingest([anonymous, signedIn])
      const stored = await service.listMonetizationEvents({}, { take: null })
      const byClientId = (id: string) => stored.find((row) => row.client_event_id === id)
      expect(byClientId(anonymous.client_event_id)).toMatchObject({
        customer_id: null,
        event_id: EVENT,
        source: "client",
        user_agent: "Mozilla/5.0",
        ip_prefix: "203.0.113",
        session_token: "tok_a",
        metadata: { placement: "CHECKOUT" },
      })
      expect(byClientId(signedIn.client_event_id)).toMatchObject({
        customer_id: "cus_1",
        event_id: null,
        source: "server",
        type: "OFFER_PURCHASE",
        user_agent: "Mozilla/5.0",
      })
    })

    it("rolls events up per event, UTC day, type and entity, and the counts read only the rollup", async () => {
      await service.ingest([
        event({ occurred_at: "2026-11-30T23:59:59.000Z" }),
        event({ occurred_at: "2026-12-01T00:00:01.000Z" }),
        event({ occurred_at: "2026-12-01T12:00:00.000Z", entity_id: "moff_2" }),
        event({ occurred_at: "2026-12-01T13:00:00.000Z", type: "OFFER_CLICK" }),
        event({ occurred_at: "2026-12-01T13:00:00.000Z", event_id: "prod_other" }),
      ])
      expect(await service.countEventsByType(range)).toEqual({ OFFER_VIEW: 3, OFFER_CLICK: 1 })
      expect(await service.countEventsByType({ ...range, date_from: "2026-12-01" })).toEqual({ OFFER_VIEW: 2, OFFER_CLICK: 1 })
      expect(await service.countEventsByDay(range)).toEqual([
        { day: "2026-11-30", type: "OFFER_VIEW", count: 1 },
        { day: "2026-12-01", type: "OFFER_CLICK", count: 1 },
        { day: "2026-12-01", type: "OFFER_VIEW", count: 2 },
      ])
      // Only the entities asked for: entity ids are whatever clients sent.
      expect(await service.countEventsByEntity(range, ["moff_2", "moff_unknown"])).toEqual([
        { type: "OFFER_VIEW", entity_id: "moff_2", count: 1 },
      ])
      expect(await service.countEventsByEntity(range, [])).toEqual([])
      expect(await service.countEventsByDayAndEntity(range, ["OFFER_VIEW"], ["moff_1"])).toEqual([
        { day: "2026-11-30", type: "OFFER_VIEW", entity_id: "moff_1", count: 1 },
        { day: "2026-12-01", type: "OFFER_VIEW", entity_id: "moff_1", count: 1 },
      ])
      expect(await service.countEventsByType({ ...range, event_id: "prod_other" })).toEqual({ OFFER_VIEW: 1 })
    })

    it("concurrent batches of one entity and day add up across the rollup's shards", async () => {
      const batches = Array.from({ length: 8 }, () => Array.from({ length: 25 }, () => event()))
      const results = await Promise.all(batches.map((batch) => service.ingest(batch)))
      expect(results.reduce((sum, result) => sum + result.accepted, 0)).toBe(200)
      expect(await service.countEventsByType(range)).toEqual({ OFFER_VIEW: 200 })
      const rollupRows = await service.listMonetizationEventDailies({ event_id: EVENT }, { take: null })
      expect(rollupRows.reduce((sum, row) => sum + row.count, 0)).toBe(200)
    })

    it("compensation removes the inserted events and takes them out of the rollup; their client ids are free again", async () => {
      const kept = event()
      await service.ingest([kept])
      const batch = [event(), event({ type: "OFFER_CLICK" })]
      const { inserted_ids } = await service.ingest(batch)
      await service.removeIngested(inserted_ids)
      expect((await service.listMonetizationEvents({}, { take: null })).map((row) => row.client_event_id)).toEqual([
        kept.client_event_id,
      ])
      const counts = await service.countEventsByType(range)
      expect({ views: counts.OFFER_VIEW, clicks: counts.OFFER_CLICK ?? 0 }).toEqual({ views: 1, clicks: 0 })
      expect((await service.ingest(batch)).accepted).toBe(2)
    })

    it("retention deletes raw events older than the cutoff in bounded batches; the rollup stays", async () => {
      const now = Date.now()
      await service.ingest([
        event({ occurred_at: new Date(now - 100 * DAY) }),
        event({ occurred_at: new Date(now - 95 * DAY) }),
        event({ occurred_at: new Date(now - 91 * DAY) }),
        event({ occurred_at: new Date(now - DAY) }),
      ])
      const cutoff = new Date(now - 90 * DAY)
      const wide = { event_id: EVENT, date_from: "2000-01-01", date_to: "2999-12-31" }
      expect(await service.purgeEventsBefore(cutoff, 2)).toBe(2)
      expect(await service.purgeEventsBefore(cutoff, 2)).toBe(1)
      expect(await service.purgeEventsBefore(cutoff, 2)).toBe(0)
      expect(await service.listMonetizationEvents({}, { take: null })).toHaveLength(1)
      expect(await service.countEventsByType(wide)).toEqual({ OFFER_VIEW: 4 })
    })

    it("erasure unlinks a customer from their events and drops what the client sent, keeping the facts", async () => {
      const fromClient = event({ customer_id: "cus_1", metadata: { note: "typed by the client" } })
      const fromServer = event({ customer_id: "cus_1", source: "server", type: "OFFER_PURCHASE", metadata: { order_id: "order_1" } })
      const someoneElse = event({ customer_id: "cus_2" })
      await service.ingest([fromClient, fromServer, someoneElse])
      expect(await service.eraseCustomerEvents("cus_1")).toBe(2)
      const stored = await service.listMonetizationEvents({}, { take: null })
      const byClientId = (id: string) => stored.find((row) => row.client_event_id === id)
      const erased = { customer_id: null, session_token: null, user_agent: null, ip_prefix: null }
      expect(byClientId(fromClient.client_event_id)).toMatchObject({ ...erased, metadata: null, type: "OFFER_VIEW" })
      expect(byClientId(fromServer.client_event_id)).toMatchObject({ ...erased, metadata: { order_id: "order_1" } })
      expect(byClientId(someoneElse.client_event_id)).toMatchObject({ customer_id: "cus_2", session_token: "tok_a" })
      expect(await service.countEventsByType(range)).toEqual({ OFFER_VIEW: 2, OFFER_PURCHASE: 1 })
    })
  },
})
