const { performance } = require("perf_hooks")

/** Wall-clock milliseconds with sub-ms resolution, comparable across processes of one machine. */
const nowMs = () => performance.timeOrigin + performance.now()

function summarize(values) {
  const sorted = [...values].sort((a, b) => a - b)
  const pick = (q) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] : null)
  const round = (v) => (v == null ? null : Math.round(v * 100) / 100)
  return { n: sorted.length, p50_ms: round(pick(0.5)), p99_ms: round(pick(0.99)), max_ms: round(sorted[sorted.length - 1]) }
}

/** Calls `task` `calls` times one after another (after `warmup` untimed calls); p50/p99 of the timed ones. */
async function timeSequential(task, { calls, warmup = 20 }) {
  for (let i = 0; i < warmup; i++) {
    await task(i)
  }
  const times = []
  for (let i = 0; i < calls; i++) {
    const t0 = nowMs()
    await task(i)
    times.push(nowMs() - t0)
  }
  return summarize(times)
}

const ratio = (a, b) => (a != null && b ? Math.round((a / b) * 100) / 100 : null)

module.exports = { nowMs, summarize, timeSequential, ratio }
