const path = require("path")
const { randomUUID } = require("crypto")
const { Worker } = require("worker_threads")
const { freePort } = require("../lib/free-port")
const { startServer } = require("./server")
const { request } = require("./http")

const GOALS = { rss_growth_mb: 50, health_p99_ms: 100, honest_accepted_share: 0.99 }
const ATTACKER_IPS = ["203.0.113.11", "203.0.113.12", "203.0.113.13", "203.0.113.14"]
const HONEST_IP = "198.51.100.7"
const ATTACK_LOOPS = 8
const HONEST_EVERY_MS = 2000
const HONEST_BATCH = 10
const HEALTH_EVERY_MS = 100
const SETTLE_SAMPLES_S = [5, 15, 30]
// The plugin's defaults (README "Options"): the abuse server runs with them, not with the bench's ceilings.
const MAX_BATCH_SIZE = 500
const TRACK_BODY_BYTES = 1024 * 1024
const IMPRESSION_BATCH_SIZE = 200
const IMPRESSION_BODY_BYTES = 256 * 1024

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms))
const percentile = (sorted, q) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? null
const databaseMb = async (pool) =>
  Math.round((await pool.query("SELECT pg_database_size(current_database()) AS bytes")).rows[0].bytes / 2 ** 20)

/** `fn` every `everyMs` (not back to back: a slow answer delays the next tick, never piles up) until `deadline`. */
async function every(everyMs, deadline, fn) {
  while (Date.now() < deadline) {
    const t0 = Date.now()
    await fn()
    await sleep(Math.max(0, everyMs - (Date.now() - t0)))
  }
}

/** GET /health latencies during the flood; a failure counts as a miss, not a latency. */
async function probeHealth(server, deadline) {
  const latencies = []
  let failures = 0
  await every(HEALTH_EVERY_MS, deadline, async () => {
    const t0 = process.hrtime.bigint()
    try {
      const response = await fetch(`${server.url}/health`, { signal: AbortSignal.timeout(10_000) })
      await response.arrayBuffer()
      if (response.status !== 200) throw new Error(`status ${response.status}`)
      latencies.push(Number(process.hrtime.bigint() - t0) / 1e6)
    } catch {
      failures++
    }
  })
  latencies.sort((a, b) => a - b)
  return { probes: latencies.length + failures, failures, p50_ms: percentile(latencies, 0.5), p99_ms: percentile(latencies, 0.99), max_ms: latencies.at(-1) ?? null }
}

/** One viewer's tracker from its own address: a batch of views under one session token every 2 s. */
async function honestTracker(server, info, deadline) {
  const token = `honest_${randomUUID()}`
  const status = {}
  let batches = 0
  let accepted = 0
  await every(HONEST_EVERY_MS, deadline, async () => {
    batches++
    const events = Array.from({ length: HONEST_BATCH }, () => ({
      id: randomUUID(),
      type: "OFFER_VIEW",
      entity_id: "moff_honest",
      event_id: info.event_id,
      session_token: token,
      timestamp: new Date().toISOString(),
      metadata: { placement: "EVENT_HERO", path: "/events/summit" },
    }))
    try {
      const response = await fetch(`${server.url}/store/analytics/track`, {
        method: "POST",
        headers: { "content-type": "application/json", "x-publishable-api-key": info.publishable_key, "x-forwarded-for": HONEST_IP },
        body: JSON.stringify({ events }),
        signal: AbortSignal.timeout(30_000),
      })
      await response.arrayBuffer()
      status[response.status] = (status[response.status] ?? 0) + 1
      if (response.status === 202) accepted++
    } catch {
      status.failed = (status.failed ?? 0) + 1
    }
  })
  return { batches, accepted, accepted_share: batches ? accepted / batches : null, status }
}

function runAttackers(workerData) {
  return new Promise((resolve, reject) => {
    const worker = new Worker(path.join(__dirname, "abuse-attackers.js"), { workerData })
    worker.once("message", (stats) => (stats.error ? reject(new Error(stats.error)) : resolve(stats)))
    worker.once("error", reject)
  })
}

/** Sums the attackers' per-attack status counts into shares. */
function attackSummary(stats, seconds) {
  const { bytes_sent, ...byAttack } = stats
  const total = { requests: 0, failures: 0, status: {} }
  for (const counts of Object.values(byAttack)) {
    total.requests += counts.requests
    total.failures += counts.failures
    for (const [code, n] of Object.entries(counts.status)) total.status[code] = (total.status[code] ?? 0) + n
  }
  return {
    ...total,
    rps: total.requests / seconds,
    share_429: total.requests ? (total.status[429] ?? 0) / total.requests : null,
    mb_sent: Math.round(bytes_sent / 2 ** 20),
    by_attack: byAttack,
  }
}

/**
 * A flood against a second server with the plugin's default rate limits: 8 attacker loops over 4
 * addresses (random-key reads, maximum-size tracking and impression batches under fresh session
 * tokens, beacons with made-up keys), an honest tracker from its own address, and /health probed
 * every 100 ms. Reports server RSS, database growth, the share answered 429 and the goals.
 */
async function benchAbuse(ctx) {
  const seconds = Number(process.env.BENCH_ABUSE_SECONDS) || 300
  const port = await freePort()
  // Its own counter prefix: the main server's counts (same Redis) must not spend these limits.
  const options = { rateLimits: { keyPrefix: `monetization:rl:abuse:${randomUUID().slice(0, 8)}` } }
  // BENCH_ABUSE_NODE_OPTIONS (e.g. --max-old-space-size=384) tells V8's heap headroom from a leak.
  const nodeOptions = process.env.BENCH_ABUSE_NODE_OPTIONS ? { NODE_OPTIONS: process.env.BENCH_ABUSE_NODE_OPTIONS } : {}
  const server = await startServer({ ...ctx.env, ...nodeOptions, MONETIZATION_OPTIONS: JSON.stringify(options) }, port)
  try {
    const { body } = await request(`${server.url}/store/ads?event_id=${ctx.info.event_id}&placement=EVENT_HERO&limit=10`, {
      headers: { "x-publishable-api-key": ctx.info.publishable_key, "x-forwarded-for": "192.0.2.1" },
    })
    const adIds = (body.ads ?? []).map((ad) => ad.id)
    const workerData = {
      url: server.url,
      publishableKey: ctx.info.publishable_key,
      adIds,
      ips: ATTACKER_IPS,
      maxBatchSize: MAX_BATCH_SIZE,
      trackBodyBytes: TRACK_BODY_BYTES,
      impressionBatchSize: IMPRESSION_BATCH_SIZE,
      impressionBodyBytes: IMPRESSION_BODY_BYTES,
    }
    // Warm-up from addresses of its own (lazy modules, JIT, pools), so "start" is a running server's memory.
    const bootMb = server.rssMb()
    await runAttackers({ ...workerData, loops: 2, ips: ["192.0.2.2"], durationMs: 5000 })
    await sleep(2000)
    const rssStart = server.rssMb()
    const dbBefore = await databaseMb(ctx.pool)

    let rssPeak = rssStart
    const rssTimer = setInterval(() => {
      try {
        rssPeak = Math.max(rssPeak, server.rssMb())
      } catch {
        // A sample missed while ps runs; the next one counts.
      }
    }, 1000)
    const started = Date.now()
    const deadline = started + seconds * 1000
    const [attack, honest, health] = await Promise.all([
      runAttackers({ ...workerData, loops: ATTACK_LOOPS, durationMs: seconds * 1000 }),
      honestTracker(server, ctx.info, deadline),
      probeHealth(server, deadline),
    ])
    const elapsed = (Date.now() - started) / 1000
    clearInterval(rssTimer)
    // V8 gives heap back lazily once allocation stops: the curve tells a high-water mark from a leak.
    const settle = {}
    for (const at of SETTLE_SAMPLES_S) {
      await sleep(at * 1000 - (Date.now() - started - elapsed * 1000))
      settle[`${at}s`] = server.rssMb()
    }
    const rssEnd = settle[`${SETTLE_SAMPLES_S.at(-1)}s`]
    const dbAfter = await databaseMb(ctx.pool)

    const rss = { boot_mb: bootMb, start_mb: rssStart, peak_mb: Math.max(rssPeak, rssEnd), end_mb: rssEnd, growth_mb: rssEnd - rssStart, after_flood_mb: settle }
    return {
      seconds: Math.round(elapsed),
      attacker_loops: ATTACK_LOOPS,
      attacker_ips: ATTACKER_IPS.length,
      honest_batch_events: HONEST_BATCH,
      settle_seconds: SETTLE_SAMPLES_S.at(-1),
      rss,
      database: { before_mb: dbBefore, after_mb: dbAfter, growth_mb: dbAfter - dbBefore },
      attack: attackSummary(attack, elapsed),
      honest,
      health,
      goals: {
        rss_growth: { goal: `≤ ${GOALS.rss_growth_mb} MB`, value: rss.growth_mb, met: rss.growth_mb <= GOALS.rss_growth_mb },
        health_p99: { goal: `≤ ${GOALS.health_p99_ms} ms`, value: health.p99_ms, met: health.p99_ms !== null && health.p99_ms <= GOALS.health_p99_ms },
        honest_accepted: {
          goal: `≥ ${GOALS.honest_accepted_share * 100} %`,
          value: honest.accepted_share,
          met: honest.accepted_share !== null && honest.accepted_share >= GOALS.honest_accepted_share,
        },
      },
    }
  } finally {
    await server.stop()
  }
}

module.exports = { benchAbuse }
