import { ABTestEvent, createABTracker } from "../ab-tracker"

type Call = { url: string; init: RequestInit; events: { id: string }[] }

const event = (n: number, overrides: Partial<ABTestEvent> = {}): ABTestEvent => ({
  test_id: "abt_hero",
  event_id: "prod_1",
  session_token: `sess_${n}`,
  variant_id: "a",
  event_type: "variant_view",
  ...overrides,
})

let calls: Call[]
let answer: (events: { id: string }[]) => { status: number; body: unknown }

beforeEach(() => {
  jest.useFakeTimers()
  calls = []
  answer = () => ({ status: 202, body: { status: "accepted", accepted: 1, duplicates: 0, rejected: [] } })
})
afterEach(() => jest.useRealTimers())

const fetchImpl = jest.fn(async (url: RequestInfo | URL, init?: RequestInit) => {
  const events = JSON.parse(String(init!.body)).events
  calls.push({ url: String(url), init: init!, events })
  const { status, body } = answer(events)
  return { status, text: async () => JSON.stringify(body) } as Response
}) as unknown as typeof fetch

const tracker = (extra: Partial<Parameters<typeof createABTracker>[0]> = {}) =>
  createABTracker({ endpoint: "https://api.test/store/ab-tests/track", publishableKey: "pk_test", fetchImpl, ...extra })

describe("createABTracker", () => {
  it("batches: nothing leaves before 10 events or 30 s", async () => {
    const t = tracker()
    for (let i = 0; i < 9; i++) void t.track(event(i))
    expect(calls).toHaveLength(0)
    void t.track(event(9))
    await jest.advanceTimersByTimeAsync(0)
    expect(calls).toHaveLength(1)
    expect(calls[0].events).toHaveLength(10)

    void t.track(event(10))
    await jest.advanceTimersByTimeAsync(29_000)
    expect(calls).toHaveLength(1)
    await jest.advanceTimersByTimeAsync(1_000)
    expect(calls).toHaveLength(2)
    expect(calls[1].url).toBe("https://api.test/store/ab-tests/track")
    expect(calls[1].init.headers).toMatchObject({ "x-publishable-api-key": "pk_test" })
    t.destroy()
  })

  it("surfaces each rejected event to the caller with the server's reason", async () => {
    answer = () => ({ status: 202, body: { accepted: 1, duplicates: 0, rejected: [{ index: 1, reason: "variant_id: this session is assigned b by the test's rule" }] } })
    const onRejected = jest.fn()
    const t = tracker({ onRejected })
    const first = t.track(event(1))
    const second = t.track(event(2, { variant_id: "b" }))
    await t.flush()
    await expect(first).resolves.toEqual({ status: "accepted" })
    await expect(second).resolves.toEqual({ status: "rejected", reason: "variant_id: this session is assigned b by the test's rule" })
    expect(onRejected).toHaveBeenCalledWith([
      { event: expect.objectContaining({ session_token: "sess_2" }), reason: "variant_id: this session is assigned b by the test's rule" },
    ])
    t.destroy()
  })

  it("gives every event of a refused batch (4xx) the server's message", async () => {
    answer = () => ({ status: 400, body: { type: "invalid_data", message: "A batch holds at most 500 events" } })
    const t = tracker()
    const outcome = t.track(event(1))
    await t.flush()
    await expect(outcome).resolves.toEqual({ status: "rejected", reason: "A batch holds at most 500 events" })
    t.destroy()
  })

  it("retries a 5xx or a network error with the same ids, and settles once answered", async () => {
    let failures = 2
    answer = () => (failures-- > 0 ? { status: 503, body: {} } : { status: 202, body: { rejected: [] } })
    const t = tracker()
    const outcome = t.track(event(1, { event_type: "goal_conversion", goal_value: 10 }))
    await t.flush()
    await jest.advanceTimersByTimeAsync(30_000)
    await jest.advanceTimersByTimeAsync(30_000)
    await expect(outcome).resolves.toEqual({ status: "accepted" })
    expect(calls).toHaveLength(3)
    expect(new Set(calls.map((c) => c.events[0].id)).size).toBe(1)
    t.destroy()
  })

  it("sends a conversion fired as the page unloads with sendBeacon to the beacon route (attack 4: nothing lost)", async () => {
    const beacons: { url: string; body: string; type: string }[] = []
    const sendBeacon = jest.fn((url: string, data: Blob) => {
      // jsdom's Blob has no text(); the tracker's body is the Blob's only part.
      beacons.push({ url, body: (data as unknown as { parts?: string[] }).parts?.[0] ?? "", type: data.type })
      return true
    })
    const OriginalBlob = globalThis.Blob
    globalThis.Blob = class {
      constructor(readonly parts: string[], readonly options: { type: string }) {}
      get type() {
        return this.options.type
      }
    } as unknown as typeof Blob
    try {
      const t = tracker({ sendBeacon })
      void t.track(event(1))
      const conversion = t.track(event(1, { event_type: "goal_conversion", goal_value: 49.5 }))
      window.dispatchEvent(new Event("pagehide"))
      await expect(conversion).resolves.toEqual({ status: "sent" })
      expect(calls).toHaveLength(0)
      expect(beacons).toHaveLength(1)
      expect(beacons[0].url).toBe("https://api.test/beacon/ab-tests/track?x-publishable-api-key=pk_test")
      expect(beacons[0].type).toBe("text/plain")
      expect(JSON.parse(beacons[0].body).events.map((e: ABTestEvent) => e.event_type)).toEqual(["variant_view", "goal_conversion"])
      t.destroy()
    } finally {
      globalThis.Blob = OriginalBlob
    }
  })

  it("uses a keepalive fetch on page hide when a customer token must go along", async () => {
    const sendBeacon = jest.fn(() => true)
    const t = tracker({ sendBeacon, getAuthToken: () => "jwt_1" })
    const outcome = t.track(event(1, { event_type: "goal_conversion" }))
    window.dispatchEvent(new Event("pagehide"))
    await jest.advanceTimersByTimeAsync(0)
    expect(sendBeacon).not.toHaveBeenCalled()
    expect(calls[0].init).toMatchObject({ keepalive: true, headers: expect.objectContaining({ authorization: "Bearer jwt_1" }) })
    await expect(outcome).resolves.toEqual({ status: "accepted" })
    t.destroy()
  })
})
