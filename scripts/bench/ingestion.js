const { randomUUID } = require("crypto")
const { runLoad } = require("./load")

const INSERT_COLUMNS = [
  "id", "client_event_id", "type", "entity_id", "event_id", "session_token",
  "occurred_at", "user_agent", "ip_prefix", "source",
]

function makeEvent(eventId) {
  return {
    id: randomUUID(),
    type: "OFFER_VIEW",
    entity_id: "moff_bench",
    event_id: eventId,
    session_token: "bench",
    timestamp: new Date().toISOString(),
  }
}

/** How each ingestion route is called: the store route with JSON and the key header, the beacon route as sendBeacon posts. */
const ROUTES = {
  store: (server, info) => ({
    url: `${server.url}/store/analytics/track`,
    headers: { "content-type": "application/json", "x-publishable-api-key": info.publishable_key },
  }),
  beacon: (server, info) => ({
    url: `${server.url}/beacon/analytics/track?x-publishable-api-key=${encodeURIComponent(info.publishable_key)}`,
    headers: { "content-type": "text/plain;charset=UTF-8" },
  }),
}

/** Events/s through an ingestion route, and the server's CPU time per request when the harness can tell. */
async function measureRoute({ server, info, batch, concurrency, durationMs, route = "store" }) {
  const { url, headers } = ROUTES[route](server, info)
  const cpuBefore = server.cpuMs?.()
  const result = await runLoad({
    concurrency,
    durationMs,
    task: async () => {
      const response = await fetch(url, {
        method: "POST",
        headers,
        body: JSON.stringify({ events: Array.from({ length: batch }, () => makeEvent(info.event_id)) }),
      })
      if (response.status !== 202) {
        throw new Error(`status ${response.status}`)
      }
      await response.arrayBuffer()
    },
  })
  const cpuMs = cpuBefore === undefined ? null : server.cpuMs() - cpuBefore
  const cpuPerRequest = cpuMs !== null && result.requests ? +(cpuMs / result.requests).toFixed(2) : null
  return { ...result, events_per_s: result.rps * batch, server_cpu_ms_per_request: cpuPerRequest }
}

/**
 * The floor: the same rows as one multi-row INSERT per batch, straight into the same table,
 * each committed on its own (what "accepted means durable" costs); no dedup, no rollup.
 */
async function measureRawInsert({ pool, info, batch, concurrency, durationMs }) {
  const result = await runLoad({
    concurrency,
    durationMs,
    task: async () => {
      const values = []
      const rows = []
      for (let r = 0; r < batch; r++) {
        const e = makeEvent(info.event_id)
        const row = [`mev_${randomUUID()}`, e.id, e.type, e.entity_id, e.event_id, e.session_token, e.timestamp, "bench", "127.0.0.0/24", "client"]
        rows.push(`(${row.map((_, c) => `$${values.length + c + 1}`).join(",")})`)
        values.push(...row)
      }
      await pool.query(`INSERT INTO monetization_event (${INSERT_COLUMNS.join(",")}) VALUES ${rows.join(",")}`, values)
    },
  })
  return { ...result, events_per_s: result.rps * batch }
}

async function benchIngestion(ctx) {
  // Warm both sides first (the server's JIT, the pool's connections): otherwise the first point pays for it.
  const warmUp = { ...ctx, batch: 10, concurrency: 8, durationMs: Math.min(2000, ctx.durationMs) }
  await measureRoute(warmUp)
  await measureRoute({ ...warmUp, route: "beacon" })
  await measureRawInsert(warmUp)
  const rows = []
  for (const batch of [10, 100]) {
    for (const concurrency of [8, 64]) {
      const route = await measureRoute({ ...ctx, batch, concurrency })
      const rss = ctx.server.rssMb()
      const raw = await measureRawInsert({ ...ctx, batch, concurrency })
      const beacon = await measureRoute({ ...ctx, batch, concurrency, route: "beacon" })
      rows.push({
        batch,
        concurrency,
        route_events_per_s: Math.round(route.events_per_s),
        route_p50_ms: route.p50_ms,
        route_p99_ms: route.p99_ms,
        route_failures: route.failures,
        route_server_cpu_ms_per_request: route.server_cpu_ms_per_request,
        raw_events_per_s: Math.round(raw.events_per_s),
        ratio: +(route.events_per_s / raw.events_per_s).toFixed(3),
        beacon_events_per_s: Math.round(beacon.events_per_s),
        beacon_p99_ms: beacon.p99_ms,
        beacon_failures: beacon.failures,
        beacon_server_cpu_ms_per_request: beacon.server_cpu_ms_per_request,
        beacon_ratio: +(beacon.events_per_s / raw.events_per_s).toFixed(3),
        server_rss_mb: rss,
      })
    }
  }
  return rows
}

module.exports = { benchIngestion }
