/**
 * The abuse section's attackers, run in a worker thread so building megabyte bodies and spinning on
 * 429s does not delay the main thread's /health prober and honest tracker. Each loop belongs to one
 * attacker machine (its own `X-Forwarded-For` address) and picks a random attack per request.
 */
const { randomBytes, randomUUID } = require("crypto")
const { parentPort, workerData } = require("worker_threads")

const { url, publishableKey, adIds, loops, ips, durationMs, maxBatchSize, trackBodyBytes, impressionBatchSize, impressionBodyBytes } = workerData
const random = (bytes = 8) => randomBytes(bytes).toString("hex")
const PLACEMENT = "SIDEBAR"

/** Pads the batch's events with metadata until the serialized body is just under `bodyBytes` (the route's limit). */
function trackBody(bodyBytes) {
  const now = new Date().toISOString()
  const token = `atk_${random()}`
  const event = () => ({ id: randomUUID(), type: "OFFER_VIEW", entity_id: `moff_${random()}`, event_id: `prod_${random()}`, session_token: token, timestamp: now, metadata: { pad: "" } })
  const events = Array.from({ length: maxBatchSize }, event)
  const bare = Buffer.byteLength(JSON.stringify({ events }))
  const pad = "x".repeat(Math.max(0, Math.floor((bodyBytes - bare - 64) / maxBatchSize)))
  for (const e of events) e.metadata.pad = pad
  return JSON.stringify({ events })
}

function impressionBody(bodyBytes) {
  const now = new Date().toISOString()
  const token = `atk_${random()}`
  // serve_token is the one free-size field: forged, near its 256-character maximum.
  const impressions = Array.from({ length: impressionBatchSize }, (_, i) => ({
    id: randomUUID(),
    ad_id: adIds[i % adIds.length] ?? `ad_${random()}`,
    placement: PLACEMENT,
    session_token: token,
    serve_token: `${Date.now() + 3_600_000}.${random(96)}`.slice(0, 250),
    viewable: true,
    timestamp: now,
  }))
  const body = JSON.stringify({ impressions })
  return Buffer.byteLength(body) <= bodyBytes ? body : JSON.stringify({ impressions: impressions.slice(0, Math.floor(impressions.length * (bodyBytes / Buffer.byteLength(body)))) })
}

const storeHeaders = { "x-publishable-api-key": publishableKey }
const ATTACKS = {
  read_ads: () => ({ path: `/store/ads?event_id=prod_${random()}&placement=${PLACEMENT}`, headers: storeHeaders }),
  read_event_offers: () => ({ path: `/store/events/prod_${random()}/offers`, headers: storeHeaders }),
  read_ab_assignment: () => ({ path: `/store/ab-tests/abt_${random()}/assignment?session_token=atk_${random()}`, headers: storeHeaders }),
  read_offer: () => ({ path: `/store/offers/moff_${random()}`, headers: storeHeaders }),
  write_store_track: () => ({
    path: "/store/analytics/track",
    method: "POST",
    headers: { ...storeHeaders, "content-type": "application/json" },
    body: trackBody(trackBodyBytes),
  }),
  write_beacon_track: () => ({
    path: `/beacon/analytics/track?x-publishable-api-key=${encodeURIComponent(publishableKey)}`,
    method: "POST",
    headers: { "content-type": "text/plain;charset=UTF-8" },
    body: trackBody(trackBodyBytes),
  }),
  write_beacon_random_key: () => ({
    path: `/beacon/analytics/track?x-publishable-api-key=pk_${random(32)}`,
    method: "POST",
    headers: { "content-type": "text/plain;charset=UTF-8" },
    body: trackBody(trackBodyBytes),
  }),
  write_impressions: () => ({
    path: "/store/ads/impressions",
    method: "POST",
    headers: { ...storeHeaders, "content-type": "application/json" },
    body: impressionBody(impressionBodyBytes),
  }),
}
const NAMES = Object.keys(ATTACKS)

async function attackLoop(ip, deadline, stats) {
  while (Date.now() < deadline) {
    const name = NAMES[Math.floor(Math.random() * NAMES.length)]
    const { path, method = "GET", headers, body } = ATTACKS[name]()
    const counts = (stats[name] ??= { requests: 0, failures: 0, status: {} })
    counts.requests++
    if (body) stats.bytes_sent += Buffer.byteLength(body)
    try {
      const response = await fetch(`${url}${path}`, { method, headers: { ...headers, "x-forwarded-for": ip }, body })
      await response.arrayBuffer()
      counts.status[response.status] = (counts.status[response.status] ?? 0) + 1
    } catch {
      counts.failures++
    }
  }
}

async function main() {
  const stats = { bytes_sent: 0 }
  const deadline = Date.now() + durationMs
  await Promise.all(Array.from({ length: loops }, (_, i) => attackLoop(ips[i % ips.length], deadline, stats)))
  parentPort.postMessage(stats)
}

main().catch((error) => parentPort.postMessage({ error: error.stack || error.message }))
