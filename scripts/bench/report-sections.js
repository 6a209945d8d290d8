/** Markdown for each section of the bench's results; each returns lines. */

const fmt = (n, digits = 1) => (n === null || n === undefined ? "–" : typeof n === "number" ? n.toFixed(digits) : String(n))
const int = (n) => (n === null || n === undefined ? "–" : Math.round(n).toLocaleString("en-US"))
const failed = (title, section) => [`## ${title}`, "", `Failed: ${section.error}`, ""]

function renderIngestion(section) {
  const title = "Ingestion: POST /store/analytics/track and /beacon/analytics/track vs a raw multi-row INSERT into the same table"
  if (section.error) return failed(title, section)
  const rows = Array.isArray(section) ? section : section.rows
  return [
    `## ${title}`,
    "",
    "The store route takes JSON and the key header; the beacon route takes what `navigator.sendBeacon` posts (text/plain, key in the query string). Server CPU is ms per request.",
    "",
    "| batch | clients | store events/s | p50 ms | p99 ms | failures | CPU | beacon events/s | p99 ms | failures | CPU | raw INSERT events/s | store / raw | beacon / raw | server RSS MB |",
    "|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|",
    ...rows.map(
      (r) =>
        `| ${r.batch} | ${r.concurrency} | ${int(r.route_events_per_s)} | ${fmt(r.route_p50_ms)} | ${fmt(r.route_p99_ms)} | ${r.route_failures} | ${fmt(r.route_server_cpu_ms_per_request)} | ${int(r.beacon_events_per_s)} | ${fmt(r.beacon_p99_ms)} | ${r.beacon_failures ?? "–"} | ${fmt(r.beacon_server_cpu_ms_per_request)} | ${int(r.raw_events_per_s)} | ${r.ratio} | ${r.beacon_ratio ?? "–"} | ${r.server_rss_mb} |`
    ),
    "",
  ]
}

function renderAds(section) {
  const title = "Ad serving: GET /store/ads vs GET /health on the same server"
  if (section.error) return failed(title, section)
  return [
    `## ${title}`,
    "",
    `${section.ad_count} eligible ads (one event, placement ${section.placement}, ${section.caps}); every request a new session token, so each one reads ${section.ad_count} cap counters. Target: /store/ads ≥ 50% of /health's requests/s. Server CPU ms/request is the server's own CPU time over the requests it answered: unlike requests/s it hardly moves with other load on the machine, so "CPU ratio" (health's CPU per request / ads') is the capacity ratio when the server has the cores to itself.`,
    "",
    "| clients | /store/ads req/s | p50 ms | p99 ms | failures | CPU ms/req | /health req/s | p50 ms | p99 ms | CPU ms/req | ads / health req/s | CPU ratio | server RSS MB |",
    "|---|---|---|---|---|---|---|---|---|---|---|---|---|",
    ...section.rows.map(
      (r) =>
        `| ${r.concurrency} | ${int(r.ads.rps)} | ${fmt(r.ads.p50_ms)} | ${fmt(r.ads.p99_ms)} | ${r.ads.failures} | ${fmt(r.ads.server_cpu_ms_per_req, 2)} | ${int(r.health.rps)} | ${fmt(r.health.p50_ms)} | ${fmt(r.health.p99_ms)} | ${fmt(r.health.server_cpu_ms_per_req, 2)} | ${r.ratio} | ${r.cpu_ratio} | ${r.server_rss_mb} |`
    ),
    "",
  ]
}

function renderOffers(section) {
  const title = "Offer purchases: POST /store/offers/:id/purchase (the decision), then /checkout, concurrent distinct customers"
  if (section.error) return failed(title, section)
  const outcomes = (o) => Object.entries(o).map(([k, v]) => `${k} ${v}`).join(", ")
  const r = section.scarce
  const pair = (d) => `${fmt(d.p50_ms)} / ${fmt(d.p99_ms)} (n ${d.n})`
  return [
    `## ${title}`,
    "",
    `${section.buyers} customers (created through the admin API in ${section.buyers_setup_s} s) each buy 1 unit of a ${int(section.stock)}-unit offer, all at the same moment, as the widget does: the purchase answers the decision (a hold, or SOLD_OUT), then each winner asks for its checkout (cart line at the offer price and a Stripe payment session). Floor: the same burst of ${section.floor.updates} atomic reserve UPDATEs (what a hold is decided by) sent at once from the bench's pool. Oversold = units held + sold beyond stock, from the offer's counters and from its hold rows (must be 0).`,
    "",
    "| | p50 / p99 ms |",
    "|---|---|",
    `| decision, winners | ${pair(r.decision_winners)} |`,
    `| decision, losers | ${pair(r.decision_losers)} |`,
    `| floor: raw reserve UPDATE under the same burst | ${pair(section.floor)} |`,
    `| decision → payment session ready (winners) | ${pair(r.decision_to_session_ready)} |`,
    "",
    `Worst decision p99 / floor p99 = **${section.decision_p99_vs_floor_p99}×** (goal ≤ 10× and ≤ 1,000 ms). Outcomes: ${outcomes(r.outcomes)}; held + sold ${r.held} + ${r.sold} (hold rows ${r.hold_rows_units}); oversold **${r.oversold}**; ${fmt(r.seconds)} s for the whole burst, server CPU ${fmt(r.server_cpu_ms_per_buyer)} ms per buyer, RSS ${r.server_rss_mb} MB.`,
    "",
    ...(r.first_error ? [`First error in the rush: \`${r.first_error}\``, ""] : []),
  ]
}

function renderDashboard(section) {
  const title = "Dashboard and A/B results vs SELECT count(*) on monetization_event"
  if (section.error) return failed(title, section)
  return [
    `## ${title}`,
    "",
    `Data generated in SQL the way ingestion stores it (raw events of one event over 90 days plus its daily rollup; A/B test sessions with their view/conversion events and per-session rollup, ${section.ab_sessions_per_event} sessions per monetization event). Dashboard range ${section.date_from} … ${section.date_to}. Times are medians of ${section.runs_per_point} runs after a warm-up, the route's timed from the bench client.`,
    "",
    "| monetization events | rollup rows (event) | A/B sessions | A/B events | load s | dashboard ms | A/B results ms | count(*) events ms | count(*) A/B sessions ms | dashboard / count | A/B / count | server RSS MB |",
    "|---|---|---|---|---|---|---|---|---|---|---|---|",
    ...section.rows.map(
      (r) =>
        `| ${int(r.events)} | ${int(r.rollup_rows_for_event)} | ${int(r.ab_sessions)} | ${int(r.ab_events)} | ${fmt(r.load_s)} | ${fmt(r.dashboard_ms)} | ${fmt(r.ab_results_ms)} | ${fmt(r.count_events_ms)} | ${fmt(r.count_ab_sessions_ms)} | ${r.dashboard_vs_count} | ${r.ab_results_vs_count} | ${r.server_rss_mb} |`
    ),
    "",
  ]
}

function renderAbuse(section) {
  const title = "Abuse: a flood against the plugin's default rate limits"
  if (section.error) return failed(title, section)
  const { rss, database: db, attack, honest, health, goals } = section
  const pct = (share) => (share === null || share === undefined ? "–" : `${(share * 100).toFixed(1)} %`)
  const statuses = (status) => Object.entries(status).map(([code, n]) => `${code} × ${int(n)}`).join(", ")
  const verdict = (goal) => (goal.met ? "met" : "**missed**")
  return [
    `## ${title}`,
    "",
    `A second server with \`MONETIZATION_OPTIONS\` holding only its own counter prefix (every limit at its default), on the same database and Redis, for ${section.seconds} s: ${section.attacker_loops} attacker loops over ${section.attacker_ips} client addresses (\`X-Forwarded-For\`, as behind the merchant's load balancer), each request a random pick of random-key reads (\`/store/ads\`, \`/store/events/:id/offers\`, \`/store/ab-tests/:id/assignment\`, \`/store/offers/:id\`), 500-event tracking batches padded to just under the 1 MiB body limit under a fresh session token (store route, beacon, beacon with a made-up key) and 200-impression batches with forged serve tokens; meanwhile one honest tracker from its own address posts ${section.honest_batch_events} events under one session token every 2 s and \`/health\` is probed every 100 ms. RSS "start" is after a 5 s warm-up, "end" ${section.settle_seconds} s after the flood.`,
    "",
    "| figure | result | goal | |",
    "|---|---|---|---|",
    `| server RSS start → end (peak) | ${rss.start_mb} → ${rss.end_mb} MB (peak ${rss.peak_mb} MB; ${rss.boot_mb} MB at boot; after the flood ${Object.entries(rss.after_flood_mb ?? {}).map(([at, mb]) => `${at} ${mb}`).join(", ")} MB): **${rss.growth_mb >= 0 ? "+" : ""}${rss.growth_mb} MB** | ${goals.rss_growth.goal} | ${verdict(goals.rss_growth)} |`,
    `| \`/health\` during the flood, p50 / p99 (max) | ${fmt(health.p50_ms)} / **${fmt(health.p99_ms)} ms** (${fmt(health.max_ms)}); ${int(health.probes)} probes, ${health.failures} failed | ${goals.health_p99.goal} | ${verdict(goals.health_p99)} |`,
    `| honest tracker's batches accepted (202) | **${pct(honest.accepted_share)}** of ${honest.batches} (${statuses(honest.status)}) | ${goals.honest_accepted.goal} | ${verdict(goals.honest_accepted)} |`,
    `| attacker requests answered 429 | **${pct(attack.share_429)}** of ${int(attack.requests)} (${fmt(attack.rps)} req/s, ${int(attack.mb_sent)} MB sent); all: ${statuses(attack.status)}; ${attack.failures} failed | | |`,
    `| database size | ${db.before_mb} → ${db.after_mb} MB (**+${db.growth_mb} MB**) | | |`,
    "",
    "| attack | requests | failed | statuses |",
    "|---|---|---|---|",
    ...Object.entries(attack.by_attack).map(([name, a]) => `| ${name} | ${int(a.requests)} | ${a.failures} | ${statuses(a.status)} |`),
    "",
  ]
}

/** The waitlist section renders itself (scripts/bench/waitlist.js exports renderWaitlist). */
function renderWaitlistSection(section) {
  if (section.error) return failed("Waitlist", section)
  const { renderWaitlist } = require("./waitlist")
  const out = renderWaitlist(section)
  return [...(Array.isArray(out) ? out : String(out).split("\n")), ""]
}

function renderRss(results) {
  const names = Object.keys(results.rss)
  if (!names.length) return []
  return [
    "## Server RSS per section (MB, whole process group, sampled every second)",
    "",
    "| section | seconds | start | peak | end |",
    "|---|---|---|---|---|",
    ...names.map((name) => {
      const r = results.rss[name]
      return `| ${name} | ${results.section_seconds[name]} | ${r.start_mb} | ${r.peak_mb} | ${r.end_mb} |`
    }),
    "",
  ]
}

const RENDERERS = {
  ingestion: renderIngestion,
  ads: renderAds,
  offers: renderOffers,
  waitlist: renderWaitlistSection,
  dashboard: renderDashboard,
  abuse: renderAbuse,
}

function renderSections(results) {
  const lines = []
  for (const [name, render] of Object.entries(RENDERERS)) {
    if (results[name]) lines.push(...render(results[name]))
  }
  return [...lines, ...renderRss(results)]
}

module.exports = { renderSections }
