const { randomUUID } = require("crypto")
const { runLoad } = require("./load")
const { adminHeaders, mapLimit, request } = require("./http")

const PLACEMENT = "SESSION_BREAK"
const BROWSER_UA = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Safari/537.36"

/** 20 eligible ads of one event and placement, capped high enough never to run out during the run. */
async function createAds({ server, info }, count) {
  const admin = await adminHeaders(server, info)
  const eventId = `bench_ads_${Date.now().toString(36)}`
  await mapLimit(Array.from({ length: count }, (_, i) => i), 4, (i) =>
    request(`${server.url}/admin/ads`, {
      method: "POST",
      headers: admin,
      body: {
        event_id: eventId,
        name: `Bench sponsor ${i + 1}`,
        content_type: "BANNER",
        media_url: `https://cdn.example.com/bench-${i}.png`,
        click_url: "https://sponsor.example.com/landing",
        display_duration_seconds: 10,
        placements: [PLACEMENT],
        target_sessions: [],
        weight: 1 + (i % 4),
        frequency_cap: 1_000_000,
        frequency_window_hours: 24,
        is_active: true,
        pricing_model: "CPM",
        rate: 5,
        currency_code: "eur",
      },
    })
  )
  return eventId
}

/**
 * One closed-loop run against a GET path, with the server CPU time it cost per request
 * (counted until the batched serve log has been written).
 */
async function measureGet(server, url, { concurrency, durationMs, headers, expectAds }) {
  const cpu0 = server.cpuMs()
  const result = await runLoad({
    concurrency,
    durationMs,
    task: async () => {
      const response = await fetch(url(), { headers })
      const body = await response.text()
      if (response.status !== 200 || (expectAds && !body.includes('"count":1'))) {
        throw new Error(`status ${response.status}`)
      }
    },
  })
  await new Promise((resolve) => setTimeout(resolve, 1000))
  return { ...result, cpu_ms_per_req: (server.cpuMs() - cpu0) / Math.max(result.requests + result.failures, 1) }
}

const summary = (r) => ({
  rps: Math.round(r.rps),
  p50_ms: r.p50_ms && +r.p50_ms.toFixed(1),
  p99_ms: r.p99_ms && +r.p99_ms.toFixed(1),
  failures: r.failures,
  server_cpu_ms_per_req: +r.cpu_ms_per_req.toFixed(2),
})

/** GET /store/ads (20 eligible capped ads, a new viewer each request) vs GET /health on the same server. */
async function benchAds(ctx) {
  const adCount = Number(process.env.BENCH_ADS) || 20
  const eventId = await createAds(ctx, adCount)
  const headers = { "x-publishable-api-key": ctx.info.publishable_key, "user-agent": BROWSER_UA }
  const adsUrl = () =>
    `${ctx.server.url}/store/ads?event_id=${eventId}&placement=${PLACEMENT}&session_token=bench_${randomUUID()}`
  // Warm-up: route compilation, the eligible-ads cache, pools.
  await measureGet(ctx.server, adsUrl, { concurrency: 4, durationMs: 2000, headers, expectAds: true })
  const rows = []
  for (const concurrency of [8, 64]) {
    const ads = await measureGet(ctx.server, adsUrl, { concurrency, durationMs: ctx.durationMs, headers, expectAds: true })
    const rss = ctx.server.rssMb()
    const health = await measureGet(ctx.server, () => `${ctx.server.url}/health`, { concurrency, durationMs: ctx.durationMs, headers })
    rows.push({
      concurrency,
      ads: summary(ads),
      health: summary(health),
      ratio: +(ads.rps / health.rps).toFixed(3),
      cpu_ratio: +(health.cpu_ms_per_req / ads.cpu_ms_per_req).toFixed(3),
      server_rss_mb: rss,
    })
  }
  return { ad_count: adCount, placement: PLACEMENT, caps: "frequency_cap 1,000,000 per 24 h, one viewer per request", rows }
}

module.exports = { benchAds }
