const { adminHeaders, median, request } = require("./http")
const { loadAbSessions, loadMonetizationEvents } = require("./dashboard-data")

const RUNS = Number(process.env.BENCH_DASHBOARD_RUNS) || 5
// A/B sessions per monetization event: a visitor who saw the test's variant emits ~10 events.
const AB_SESSIONS_PER_EVENT = Number(process.env.BENCH_AB_SESSIONS_PER_EVENT) || 0.1

const sizes = () =>
  (process.env.BENCH_EVENTS || "1000000,10000000")
    .split(",")
    .map((s) => Number(s.trim()))
    .filter((n) => n > 0)
    .sort((a, b) => a - b)

/** Median wall time of `fn` over RUNS runs after one warm-up run. */
async function timeMedian(fn) {
  await fn()
  const times = []
  for (let i = 0; i < RUNS; i++) {
    const t0 = process.hrtime.bigint()
    await fn()
    times.push(Number(process.hrtime.bigint() - t0) / 1e6)
  }
  return +median(times).toFixed(1)
}

const dayOf = (date) => date.toISOString().slice(0, 10)

async function experimentOf(pool, testId) {
  const { rows } = await pool.query("SELECT test_id, event_id, variants FROM monetization_ab_experiment WHERE test_id = $1", [testId])
  return rows[0]
}

/** Dashboard and A/B results response times at each size vs `SELECT count(*)` on the events table. */
async function benchDashboard(ctx) {
  const { server, info, pool } = ctx
  const admin = await adminHeaders(server, info)
  const experiment = await experimentOf(pool, info.experiment.test_id)
  const dateTo = dayOf(new Date())
  const dateFrom = dayOf(new Date(Date.now() - 100 * 86_400_000))
  const dashboardUrl = `${server.url}/admin/analytics/events/${info.event_id}/monetization?date_from=${dateFrom}&date_to=${dateTo}`
  const resultsUrl = `${server.url}/admin/ab-tests/${experiment.test_id}/results`
  const client = await pool.connect()
  const rows = []
  try {
    await client.query("SET maintenance_work_mem = '512MB'")
    await client.query("SET synchronous_commit = off")
    for (const size of sizes()) {
      const t0 = Date.now()
      const added = await loadMonetizationEvents(client, info, size)
      const abSessions = Math.round(size * AB_SESSIONS_PER_EVENT)
      await loadAbSessions(client, experiment, abSessions)
      await client.query("ANALYZE monetization_event, monetization_event_daily, monetization_ab_event, monetization_ab_session")
      const loadSeconds = (Date.now() - t0) / 1000

      const events = Number((await client.query("SELECT count(*) AS n FROM monetization_event")).rows[0].n)
      const rollupRows = Number(
        (await client.query("SELECT count(*) AS n FROM monetization_event_daily WHERE event_id = $1", [info.event_id])).rows[0].n
      )
      const abEvents = Number(
        (await client.query("SELECT count(*) AS n FROM monetization_ab_event WHERE test_id = $1", [experiment.test_id])).rows[0].n
      )
      let dashboardBody
      const dashboardMs = await timeMedian(async () => {
        dashboardBody = (await request(dashboardUrl, { headers: admin })).body
      })
      let resultsBody
      const resultsMs = await timeMedian(async () => {
        resultsBody = (await request(resultsUrl, { headers: admin })).body
      })
      const countMs = await timeMedian(() => pool.query("SELECT count(*) FROM monetization_event"))
      const sessionCountMs = await timeMedian(() => pool.query("SELECT count(*) FROM monetization_ab_session"))
      rows.push({
        events,
        events_added: added,
        load_s: +loadSeconds.toFixed(1),
        rollup_rows_for_event: rollupRows,
        ab_sessions: resultsBody.total_impressions,
        ab_events: abEvents,
        dashboard_ms: dashboardMs,
        ab_results_ms: resultsMs,
        count_events_ms: countMs,
        count_ab_sessions_ms: sessionCountMs,
        dashboard_vs_count: +(dashboardMs / countMs).toFixed(3),
        ab_results_vs_count: +(resultsMs / countMs).toFixed(3),
        dashboard_offer_views: dashboardBody.offers.total_views,
        dashboard_ad_impressions: dashboardBody.ads.total_impressions,
        server_rss_mb: server.rssMb(),
      })
    }
  } finally {
    client.release()
  }
  return { runs_per_point: RUNS, date_from: dateFrom, date_to: dateTo, ab_sessions_per_event: AB_SESSIONS_PER_EVENT, rows }
}

module.exports = { benchDashboard }
