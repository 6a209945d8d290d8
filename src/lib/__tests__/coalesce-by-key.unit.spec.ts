import { coalesceByKey } from "../coalesce-by-key"

/** A job whose runs the test finishes by hand, recording what state each run saw. */
function controlledJob(state: { version: number }) {
  const seen: number[] = []
  const pending: Array<() => void> = []
  const job = () =>
    new Promise<void>((resolve) => {
      seen.push(state.version)
      pending.push(resolve)
    })
  const finishNext = async () => {
    pending.shift()?.()
    await new Promise((resolve) => setImmediate(resolve))
  }
  return { job, seen, pending, finishNext }
}

describe("coalesceByKey", () => {
  it("runs a lone call at once", async () => {
    const run = coalesceByKey()
    const calls: string[] = []
    await run("s1", async () => {
      calls.push("s1")
    })
    expect(calls).toEqual(["s1"])
  })

  it("turns a burst of calls during a run into one more run that sees the latest state", async () => {
    const run = coalesceByKey()
    const state = { version: 1 }
    const { job, seen, pending, finishNext } = controlledJob(state)
    const first = run("s1", job)
    for (let version = 2; version <= 50; version++) {
      state.version = version
      await run("s1", job)
    }
    expect(seen).toEqual([1])
    await finishNext()
    expect(seen).toEqual([1, 50])
    await finishNext()
    await first
    expect(seen).toEqual([1, 50])
    expect(pending).toHaveLength(0)
  })

  it("keeps keys apart", async () => {
    const run = coalesceByKey()
    const state = { version: 1 }
    const { job, seen, finishNext } = controlledJob(state)
    const a = run("s1", job)
    const b = run("s2", job)
    expect(seen).toEqual([1, 1])
    await finishNext()
    await finishNext()
    await Promise.all([a, b])
  })

  it("frees the key when a run fails, so the next call runs", async () => {
    const run = coalesceByKey()
    await expect(run("s1", async () => Promise.reject(new Error("push failed")))).rejects.toThrow("push failed")
    const calls: number[] = []
    await run("s1", async () => {
      calls.push(1)
    })
    expect(calls).toEqual([1])
  })
})
