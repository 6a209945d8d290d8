import { chunkByBytes, createTracker, TrackedEvent, TrackerOptions } from "../tracker"

const ENDPOINT = "https://api.test/store/analytics/track"

type Call = { url: string; init: RequestInit; events: TrackedEvent[] }

function fakeFetch(...statuses: Array<number | Error>) {
  const calls: Call[] = []
  const impl = jest.fn(async (url: RequestInfo | URL, init?: RequestInit) => {
    calls.push({ url: String(url), init: init!, events: JSON.parse(String(init!.body)).events })
    const next = statuses.length > 1 ? statuses.shift()! : statuses[0] ?? 202
    if (next instanceof Error) {
      throw next
    }
    return { status: next, ok: next < 300 } as Response
  })
  return { impl: impl as unknown as typeof fetch, calls }
}

function tracker(overrides: Partial<TrackerOptions> = {}) {
  return createTracker({
    endpoint: ENDPOINT,
    publishableKey: "pk_test",
    now: () => Date.UTC(2026, 0, 1),
    getSessionToken: () => "sess_1",
    ...overrides,
  })
}

const offerView = (n: number, metadata?: Record<string, unknown>) => ({
  type: "OFFER_VIEW" as const,
  entity_id: `moff_${n}`,
  event_id: "prod_1",
  metadata,
})

function hidePage() {
  Object.defineProperty(document, "visibilityState", { value: "hidden", configurable: true })
  document.dispatchEvent(new Event("visibilitychange"))
  Object.defineProperty(document, "visibilityState", { value: "visible", configurable: true })
}

function readBlob(blob: Blob): Promise<string> {
  return new Promise((resolve) => {
    const reader = new FileReader()
    reader.onload = () => resolve(String(reader.result))
    reader.readAsText(blob)
  })
}

const bodyBytes = (events: TrackedEvent[]) => new Blob([JSON.stringify({ events })]).size

describe("createTracker", () => {
  const trackers: Array<ReturnType<typeof createTracker>> = []
  const make = (overrides: Partial<TrackerOptions> = {}) => {
    const t = tracker(overrides)
    trackers.push(t)
    return t
  }

  beforeEach(() => jest.useFakeTimers())
  afterEach(() => {
    trackers.splice(0).forEach((t) => t.destroy())
    jest.useRealTimers()
  })

  it("flushes when the 10th event is queued, with contract-shaped events and the key header", async () => {
    const { impl, calls } = fakeFetch(202)
    const t = make({ fetchImpl: impl })
    for (let i = 0; i < 9; i++) t.track(offerView(i))
    expect(calls).toHaveLength(0)
    t.track(offerView(9))
    await jest.advanceTimersByTimeAsync(0)

    expect(calls).toHaveLength(1)
    expect(calls[0].url).toBe(ENDPOINT)
    expect(calls[0].init.headers).toMatchObject({ "x-publishable-api-key": "pk_test", "content-type": "application/json" })
    expect(calls[0].init.keepalive).toBe(false)
    expect(calls[0].events).toHaveLength(10)
    expect(new Set(calls[0].events.map((e) => e.id)).size).toBe(10)
    expect(calls[0].events[0]).toEqual({
      id: expect.any(String),
      type: "OFFER_VIEW",
      entity_id: "moff_0",
      event_id: "prod_1",
      session_token: "sess_1",
      timestamp: "2026-01-01T00:00:00.000Z",
    })

    await jest.advanceTimersByTimeAsync(60_000)
    expect(calls).toHaveLength(1)
  })

  it("sends the deprecated entityId spelling as entity_id, never both", async () => {
    const { impl, calls } = fakeFetch(202)
    const t = make({ fetchImpl: impl })
    t.track({ type: "OFFER_CLICK", entityId: "moff_legacy", event_id: "prod_1" })
    await t.flush()
    expect(calls[0].events[0]).toMatchObject({ type: "OFFER_CLICK", entity_id: "moff_legacy" })
    expect(calls[0].events[0]).not.toHaveProperty("entityId")
  })

  it("flushes 30 s after the first queued event", async () => {
    const { impl, calls } = fakeFetch(202)
    const t = make({ fetchImpl: impl })
    t.track(offerView(1))
    await jest.advanceTimersByTimeAsync(20_000)
    t.track(offerView(2))
    await jest.advanceTimersByTimeAsync(9_999)
    expect(calls).toHaveLength(0)
    await jest.advanceTimersByTimeAsync(1)
    expect(calls).toHaveLength(1)
    expect(calls[0].events.map((e) => e.entity_id)).toEqual(["moff_1", "moff_2"])
  })

  it("sends the bearer token when there is a customer", async () => {
    const { impl, calls } = fakeFetch(202)
    const t = make({ fetchImpl: impl, getAuthToken: () => "jwt_1" })
    t.track(offerView(1))
    await t.flush()
    expect(calls[0].init.headers).toMatchObject({ authorization: "Bearer jwt_1" })
  })

  it("retries failed batches later with the same ids, at the head of the queue", async () => {
    const { impl, calls } = fakeFetch(new TypeError("offline"), 503, 429, 202)
    const t = make({ fetchImpl: impl })
    t.track(offerView(1))
    t.track(offerView(2))
    await t.flush()
    const ids = calls[0].events.map((e) => e.id)

    t.track(offerView(3))
    await jest.advanceTimersByTimeAsync(30_000)
    await jest.advanceTimersByTimeAsync(30_000)
    await jest.advanceTimersByTimeAsync(30_000)

    expect(calls).toHaveLength(4)
    for (const call of calls.slice(1)) {
      expect(call.events.map((e) => e.id).slice(0, 2)).toEqual(ids)
      expect(call.events.map((e) => e.entity_id)).toEqual(["moff_1", "moff_2", "moff_3"])
    }
    await jest.advanceTimersByTimeAsync(60_000)
    expect(calls).toHaveLength(4)
  })

  it("drops a batch the server refuses with a 4xx other than 429", async () => {
    const { impl, calls } = fakeFetch(400, 202)
    const t = make({ fetchImpl: impl })
    t.track(offerView(1))
    await t.flush()
    await jest.advanceTimersByTimeAsync(120_000)
    expect(calls).toHaveLength(1)
  })

  it("does not hammer the server with size-triggered flushes while a retry is pending", async () => {
    const { impl, calls } = fakeFetch(503, 202)
    const t = make({ fetchImpl: impl })
    for (let i = 0; i < 10; i++) t.track(offerView(i))
    await jest.advanceTimersByTimeAsync(0)
    for (let i = 10; i < 25; i++) t.track(offerView(i))
    await jest.advanceTimersByTimeAsync(0)
    expect(calls).toHaveLength(1)
    await jest.advanceTimersByTimeAsync(30_000)
    expect(calls).toHaveLength(2)
    expect(calls[1].events.map((e) => e.entity_id)).toEqual(Array.from({ length: 25 }, (_, i) => `moff_${i}`))
  })

  it("never sends an event twice while a flush is in flight", async () => {
    const pending: Array<(r: Response) => void> = []
    const calls: TrackedEvent[][] = []
    const impl = jest.fn((_url: RequestInfo | URL, init?: RequestInit) => {
      calls.push(JSON.parse(String(init!.body)).events)
      return new Promise<Response>((resolve) => pending.push(resolve))
    }) as unknown as typeof fetch
    const t = make({ fetchImpl: impl })
    for (let i = 0; i < 10; i++) t.track(offerView(i))
    const second = t.flush()
    hidePage()
    window.dispatchEvent(new Event("pagehide"))
    t.track(offerView(10))
    hidePage()

    expect(pending).toHaveLength(2)
    pending.forEach((resolve) => resolve({ status: 202, ok: true } as Response))
    await second
    await jest.advanceTimersByTimeAsync(60_000)

    const ids = calls.flat().map((e) => e.id)
    expect(ids).toHaveLength(11)
    expect(new Set(ids).size).toBe(11)
  })

  it("on page hide sends an anonymous visitor's events by sendBeacon to the beacon route, text/plain, key in the query", async () => {
    const { impl, calls } = fakeFetch(202)
    const beacons: Array<{ url: string; blob: Blob }> = []
    const sendBeacon = jest.fn((url: string, blob: Blob) => beacons.push({ url, blob }) > 0)
    make({ fetchImpl: impl, sendBeacon }).track(offerView(1))
    hidePage()
    await jest.advanceTimersByTimeAsync(0)

    expect(calls).toHaveLength(0)
    expect(beacons).toHaveLength(1)
    expect(beacons[0].url).toBe("https://api.test/beacon/analytics/track?x-publishable-api-key=pk_test")
    expect(beacons[0].blob.type).toBe("text/plain")
    expect(JSON.parse(await readBlob(beacons[0].blob)).events.map((e: TrackedEvent) => e.entity_id)).toEqual(["moff_1"])
  })

  it("on page hide sends a customer's events with a keepalive fetch that carries the bearer token", async () => {
    const { impl, calls } = fakeFetch(202)
    const sendBeacon = jest.fn(() => true)
    make({ fetchImpl: impl, sendBeacon, getAuthToken: () => "tok_customer" }).track(offerView(1))
    hidePage()
    await jest.advanceTimersByTimeAsync(0)

    expect(sendBeacon).not.toHaveBeenCalled()
    expect(calls).toHaveLength(1)
    expect(calls[0].url).toBe(ENDPOINT)
    expect(calls[0].init.keepalive).toBe(true)
    expect(calls[0].init.headers).toMatchObject({ "x-publishable-api-key": "pk_test", authorization: "Bearer tok_customer" })
  })

  it("sends with a keepalive fetch what sendBeacon refuses", async () => {
    const { impl, calls } = fakeFetch(202)
    const sendBeacon = jest.fn(() => false)
    make({ fetchImpl: impl, sendBeacon }).track(offerView(1))
    hidePage()
    await jest.advanceTimersByTimeAsync(0)

    expect(sendBeacon).toHaveBeenCalledTimes(1)
    expect(calls).toHaveLength(1)
    expect(calls[0].init.keepalive).toBe(true)
    expect(calls[0].events.map((e) => e.entity_id)).toEqual(["moff_1"])
  })

  it("falls back to sendBeacon with a text/plain body and the key in the query string when fetch is missing", async () => {
    const beacons: Array<{ url: string; blob: Blob }> = []
    const sendBeacon = jest.fn((url: string, blob: Blob) => {
      beacons.push({ url, blob })
      return true
    })
    const originalFetch = globalThis.fetch
    // jsdom has no fetch; make sure of it so the default resolves to none.
    ;(globalThis as { fetch?: typeof fetch }).fetch = undefined
    try {
      const t = make({ sendBeacon })
      t.track(offerView(1))
      window.dispatchEvent(new Event("pagehide"))
    } finally {
      ;(globalThis as { fetch?: typeof fetch }).fetch = originalFetch
    }

    expect(beacons).toHaveLength(1)
    expect(beacons[0].url).toBe("https://api.test/beacon/analytics/track?x-publishable-api-key=pk_test")
    expect(beacons[0].blob.type).toBe("text/plain")
    const body = JSON.parse(await readBlob(beacons[0].blob))
    expect(body.events).toHaveLength(1)
    expect(body.events[0].entity_id).toBe("moff_1")
  })

  it("requeues what sendBeacon refuses", async () => {
    const sendBeacon = jest.fn().mockReturnValueOnce(false).mockReturnValue(true)
    const originalFetch = globalThis.fetch
    ;(globalThis as { fetch?: typeof fetch }).fetch = undefined
    try {
      const t = make({ sendBeacon, beaconEndpoint: "https://api.test/beacon?v=1" })
      t.track(offerView(1))
      hidePage()
      await jest.advanceTimersByTimeAsync(30_000)
    } finally {
      ;(globalThis as { fetch?: typeof fetch }).fetch = originalFetch
    }
    expect(sendBeacon).toHaveBeenCalledTimes(2)
    expect(sendBeacon.mock.calls[1][0]).toBe("https://api.test/beacon?v=1&x-publishable-api-key=pk_test")
  })

  it("splits a page-hide flush into chunks under the budget and keeps the rest for later", async () => {
    const { impl, calls } = fakeFetch(202)
    const budget = 2000
    const t = make({ fetchImpl: impl, beaconBudgetBytes: budget, maxBatch: 100 })
    for (let i = 0; i < 20; i++) t.track(offerView(i, { note: "é".repeat(150) }))
    hidePage()
    await jest.advanceTimersByTimeAsync(0)

    const sentOnHide = calls.flatMap((c) => c.events).length
    expect(sentOnHide).toBeGreaterThanOrEqual(1)
    expect(sentOnHide).toBeLessThan(20)
    const hideBytes = calls.map((c) => bodyBytes(c.events))
    hideBytes.forEach((b) => expect(b).toBeLessThanOrEqual(budget))
    expect(hideBytes.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(budget)

    await jest.advanceTimersByTimeAsync(30_000)
    const ids = calls.flatMap((c) => c.events.map((e) => e.id))
    expect(ids).toHaveLength(20)
    expect(new Set(ids).size).toBe(20)
    calls.forEach((c) => expect(bodyBytes(c.events)).toBeLessThanOrEqual(budget))
  })

  it("stops listening and flushes what is left on destroy", async () => {
    const { impl, calls } = fakeFetch(202)
    const t = tracker({ fetchImpl: impl })
    t.track(offerView(1))
    t.destroy()
    expect(calls).toHaveLength(1)
    expect(calls[0].init.keepalive).toBe(true)
    t.track(offerView(2))
    hidePage()
    await jest.advanceTimersByTimeAsync(60_000)
    expect(calls).toHaveLength(1)
  })
})

describe("chunkByBytes", () => {
  const event = (i: number, size: number): TrackedEvent => ({
    id: `evt_${i}`.padEnd(12, "0"),
    type: "OFFER_VIEW",
    entity_id: "moff_1",
    session_token: "s",
    timestamp: "2026-01-01T00:00:00.000Z",
    metadata: { pad: "x".repeat(size) },
  })

  it("keeps every chunk's serialized body within the budget and the order intact", () => {
    const events = Array.from({ length: 50 }, (_, i) => event(i, 50 + ((i * 37) % 400)))
    const chunks = chunkByBytes(events, 1500)
    expect(chunks.length).toBeGreaterThan(1)
    chunks.forEach((c) => expect(bodyBytes(c)).toBeLessThanOrEqual(1500))
    expect(chunks.flat()).toEqual(events)
  })

  it("packs exactly up to the budget", () => {
    const events = [event(1, 100), event(2, 100)]
    const exact = bodyBytes(events)
    expect(chunkByBytes(events, exact)).toHaveLength(1)
    expect(chunkByBytes(events, exact - 1)).toHaveLength(2)
  })

  it("drops an event that can never fit", () => {
    expect(chunkByBytes([event(1, 10), event(2, 5000)], 1000).flat().map((e) => e.id)).toEqual([event(1, 10).id])
  })
})
