import { IngestCoalescer } from "../ingest-coalescer"
import { IngestResult, MonetizationEventInput } from "../types"

const event = (id: string) => ({ client_event_id: id }) as MonetizationEventInput
const resultOf = (batch: MonetizationEventInput[]): IngestResult => ({
  accepted: batch.length,
  duplicates: 0,
  inserted_ids: batch.map((e) => `mev_${e.client_event_id}`),
  inserted_client_event_ids: batch.map((e) => e.client_event_id),
})

function deferredRunner(fail: (batches: MonetizationEventInput[][]) => boolean = () => false) {
  const calls: { batches: MonetizationEventInput[][]; finish: () => void }[] = []
  const run = (batches: MonetizationEventInput[][]) =>
    new Promise<IngestResult[]>((resolve, reject) => {
      calls.push({
        batches,
        finish: () => (fail(batches) ? reject(new Error("statement failed")) : resolve(batches.map(resultOf))),
      })
    })
  return { calls, run }
}

const tick = () => new Promise((resolve) => setImmediate(resolve))

describe("IngestCoalescer", () => {
  it("sends a batch at once while statements are free, and groups the ones that wait", async () => {
    const { calls, run } = deferredRunner()
    const coalescer = new IngestCoalescer(run, 2, 1000)
    const first = coalescer.submit([event("a")])
    const second = coalescer.submit([event("b")])
    const waiting = [coalescer.submit([event("c")]), coalescer.submit([event("d"), event("e")])]
    expect(calls.map((c) => c.batches.length)).toEqual([1, 1])

    calls[0].finish()
    await expect(first).resolves.toEqual(resultOf([event("a")]))
    await tick()
    expect(calls).toHaveLength(3)
    expect(calls[2].batches).toEqual([[event("c")], [event("d"), event("e")]])

    calls[2].finish()
    const [c, de] = await Promise.all(waiting)
    expect(c.inserted_client_event_ids).toEqual(["c"])
    expect(de.inserted_client_event_ids).toEqual(["d", "e"])
    calls[1].finish()
    await expect(second).resolves.toEqual(resultOf([event("b")]))
  })

  it("caps the events one statement carries, always taking the oldest batch", async () => {
    const { calls, run } = deferredRunner()
    const coalescer = new IngestCoalescer(run, 1, 3)
    void coalescer.submit([event("a")])
    void coalescer.submit([event("b"), event("c")])
    void coalescer.submit([event("d"), event("e")])
    void coalescer.submit([event("f"), event("g"), event("h"), event("i")])
    calls[0].finish()
    await tick()
    expect(calls[1].batches.flat().map((e) => e.client_event_id)).toEqual(["b", "c"])
    calls[1].finish()
    await tick()
    expect(calls[2].batches.flat().map((e) => e.client_event_id)).toEqual(["d", "e"])
    calls[2].finish()
    await tick()
    expect(calls[3].batches.flat().map((e) => e.client_event_id)).toEqual(["f", "g", "h", "i"])
  })

  it("retries a failed shared statement batch by batch, so only the bad batch fails", async () => {
    const bad = (batches: MonetizationEventInput[][]) => batches.flat().some((e) => e.client_event_id === "bad")
    const { calls, run } = deferredRunner(bad)
    const coalescer = new IngestCoalescer(run, 1, 1000)
    void coalescer.submit([event("first")])
    const good = coalescer.submit([event("good")])
    const poisoned = coalescer.submit([event("bad")])
    calls[0].finish()
    await tick()
    calls[1].finish()
    await tick()
    expect(calls.slice(2).map((c) => c.batches)).toEqual([[[event("good")]], [[event("bad")]]])
    calls[2].finish()
    calls[3].finish()
    await expect(good).resolves.toEqual(resultOf([event("good")]))
    await expect(poisoned).rejects.toThrow("statement failed")
  })
})
