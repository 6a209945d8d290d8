/** Closed-loop load: `concurrency` workers call `task()` back to back for `durationMs`. */
async function runLoad({ concurrency, durationMs, task }) {
  const latencies = []
  let failures = 0
  const deadline = Date.now() + durationMs
  const started = Date.now()
  const worker = async (workerIndex) => {
    let i = 0
    while (Date.now() < deadline) {
      const t0 = process.hrtime.bigint()
      try {
        await task(workerIndex, i++)
        latencies.push(Number(process.hrtime.bigint() - t0) / 1e6)
      } catch {
        failures++
      }
    }
  }
  await Promise.all(Array.from({ length: concurrency }, (_, w) => worker(w)))
  const elapsed = (Date.now() - started) / 1000
  latencies.sort((a, b) => a - b)
  const pick = (q) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? null
  return {
    requests: latencies.length,
    failures,
    seconds: elapsed,
    rps: latencies.length / elapsed,
    p50_ms: pick(0.5),
    p99_ms: pick(0.99),
  }
}

module.exports = { runLoad }
