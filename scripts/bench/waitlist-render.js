const { ratio } = require("./waitlist-stats")

const ms = (v) => (v == null ? "–" : v >= 100 ? v.toFixed(0) : v.toFixed(1))
const pair = (s) => `${ms(s.p50_ms)} / ${ms(s.p99_ms)}`

function positionSection(rows) {
  const first = rows[0]
  const last = rows[rows.length - 1]
  const routeRatio = ratio(last.route.p50_ms, first.route.p50_ms)
  const sqlRatio = ratio(last.sql.p50_ms, first.sql.p50_ms)
  const met = routeRatio != null && routeRatio <= 2 && sqlRatio <= 2
  return [
    "### Position query: GET /store/sessions/:session_id/waitlist for a customer 10 places from the end",
    "",
    "Sequential calls (p50 / p99 ms). Floors: `GET /store/customers/me` with the same token (an authenticated store route with one lookup) and a `SELECT 1` round trip.",
    "",
    "| waiting | answer (position / total) | route | route floor | SQL the route runs | SQL floor | server RSS MB |",
    "|---|---|---|---|---|---|---|",
    ...rows.map(
      (r) =>
        `| ${r.waiting} | ${r.position} / ${r.total} ${r.correct ? "✓" : "✗ WRONG"} | ${pair(r.route)} | ${pair(r.route_floor)} | ${pair(r.sql)} | ${pair(r.sql_floor)} | ${r.server_rss_mb} |`
    ),
    "",
    `${last.waiting} vs ${first.waiting} waiting: route p50 ×${routeRatio} (p99 ×${ratio(last.route.p99_ms, first.route.p99_ms)}), SQL p50 ×${sqlRatio}. Target ≤ 2× (no O(n) scan per query): **${met ? "met" : "NOT met"}**.`,
    "",
  ]
}

function offerSection(o) {
  const floor = o.floor_plain_push.p50_ms
  return [
    "### Seat freed → WAITLIST_OFFER at the customer's socket",
    "",
    `The organizer raises the session's stock by one seat (\`POST /admin/inventory-items/:id/location-levels/:location_id\`); the plugin reacts to \`inventory-level.updated\` and offers the seat to the next customer in line. ${o.trials} trials, ${o.failures} without an offer within 20 s, ${o.wrong_payloads} wrong payloads.`,
    "",
    "| measure | p50 ms | p99 ms | max ms | p50 vs plain push |",
    "|---|---|---|---|---|",
    `| admin call start → WAITLIST_OFFER received | ${ms(o.seat_freed_to_offer.p50_ms)} | ${ms(o.seat_freed_to_offer.p99_ms)} | ${ms(o.seat_freed_to_offer.max_ms)} | ×${ratio(o.seat_freed_to_offer.p50_ms, floor)} |`,
    `| admin call answered → WAITLIST_OFFER received | ${ms(o.http_response_to_offer.p50_ms)} | ${ms(o.http_response_to_offer.p99_ms)} | ${ms(o.http_response_to_offer.max_ms)} | ×${ratio(o.http_response_to_offer.p50_ms, floor)} |`,
    `| floor: the admin call itself | ${ms(o.floor_admin_call.p50_ms)} | ${ms(o.floor_admin_call.p99_ms)} | ${ms(o.floor_admin_call.max_ms)} | |`,
    `| floor: plain push to the same socket (Redis emitter → server → socket) | ${ms(floor)} | ${ms(o.floor_plain_push.p99_ms)} | ${ms(o.floor_plain_push.max_ms)} | ×1 |`,
    "",
    `Server RSS after the trials: ${o.server_rss_mb} MB.`,
    "",
  ]
}

function fanoutSection(rows) {
  return [
    "### WAITLIST_POSITION_UPDATE fan-out when the customer at the head leaves",
    "",
    "Each client is a waiting customer with its own socket authenticated by a customer JWT; the trigger is `DELETE /store/sessions/:session_id/waitlist` by the first customer. Times from the trigger's start to each arrival (ms). Floors on the same server and sockets without the plugin: one Redis-emitter push per customer room (the plugin's message pattern) and one broadcast (`io.emit`).",
    "",
    "| clients | last update | p50 update | received / missing / wrong | leave call | floor per-room: last | floor broadcast: last | last vs per-room floor | client CPU ms (per process) | connect s | server RSS MB (connected → after) |",
    "|---|---|---|---|---|---|---|---|---|---|---|",
    ...rows.map(
      (r) =>
        `| ${r.clients} | ${ms(r.plugin.last_ms)} | ${ms(r.plugin.p50_ms)} | ${r.plugin.received} / ${r.plugin.missing} / ${r.plugin.wrong} | ${ms(r.plugin.trigger_ms)} | ${ms(r.floor_per_room_push.last_ms)} | ${ms(r.floor_broadcast.last_ms)} | ×${ratio(r.plugin.last_ms, r.floor_per_room_push.last_ms)} | ${r.plugin.client_cpu_ms.join(", ")} | ${r.connect_seconds} | ${r.server_rss_mb_connected} → ${r.server_rss_mb} |`
    ),
    "",
    ...(rows.some((r) => r.burst_leave)
      ? [
          `Then ${rows[0].burst} customers ahead of every socket leave at once (concurrent DELETEs): each leave changes every position, so pushing each change would send ${rows[0].burst} updates per client. Pushes of a session never overlap; changes during a push fold into one more push.`,
          "",
          "| clients | every client at its final position | updates received (per client) | updates after the final one | missing | leave calls (all) |",
          "|---|---|---|---|---|---|",
          ...rows
            .filter((r) => r.burst_leave)
            .map(
              (r) =>
                `| ${r.clients} | ${ms(r.burst_leave.last_ms)} | ${r.burst_leave.received} (${(r.burst_leave.received / r.clients).toFixed(2)}) | ${r.burst_leave.after_final} | ${r.burst_leave.missing} | ${ms(r.burst_leave.trigger_ms)} |`
            ),
          "",
        ]
      : []),
    `Clients ran in ${rows[0]?.client_processes ?? "?"} Node processes (sockets split evenly) so that one client event loop is not the bottleneck; client CPU is the CPU those processes used while receiving.`,
    "",
  ]
}

/** Markdown for the waitlist section of the benchmark report. */
function renderWaitlist(result) {
  return [
    "## Waitlist",
    "",
    `Server RSS at the start of the section: ${result.server_rss_mb_start} MB. Entries and customers beyond the first were inserted in SQL (then VACUUM ANALYZE, as autovacuum would); sessions through the admin API; sockets and route calls use customer JWTs signed like the server's own.`,
    "",
    ...(result.positions ? positionSection(result.positions) : []),
    ...(result.offer ? offerSection(result.offer) : []),
    ...(result.fanout?.length ? fanoutSection(result.fanout) : []),
  ].join("\n")
}

module.exports = { renderWaitlist }
