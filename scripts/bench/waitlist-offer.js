const Redis = require("ioredis")
const { Emitter } = require("@socket.io/redis-emitter")
const { appendWaitingEntries, call, settle } = require("./waitlist-setup")
const { SocketPool } = require("./waitlist-clients")
const { nowMs, summarize } = require("./waitlist-stats")

/**
 * Seat freed → WAITLIST_OFFER at the customer's socket. Each trial the organizer raises
 * the session's stock by one seat through the admin API (POST /admin/inventory-items/:id/
 * location-levels/:location_id, what the dashboard's stock form calls); the plugin reacts
 * to inventory-level.updated and offers the seat to the next customer in line, whose
 * socket is timed. Floors: the admin call itself, and a push to the same socket through
 * the same server without the plugin (Redis emitter → the server's Redis adapter → socket).
 */
async function benchOffer({ server, pool, redisUrl }, { session, signer, admin, trials }) {
  const customers = await appendWaitingEntries(pool, session.sessionId, trials)
  await settle(pool)
  const sockets = new SocketPool(server.url)
  const connected = await sockets.connect(customers.map((customerId) => ({ customerId, token: signer(customerId) })), 20)
  if (connected.failed) {
    throw new Error(`offer bench: ${connected.failed} sockets failed to connect (${connected.first_error})`)
  }
  const levelUrl = `${server.url}/admin/inventory-items/${session.inventoryItemId}/location-levels/${session.locationId}`
  const total = []
  const afterHttp = []
  const http = []
  let wrong = 0
  let failures = 0
  for (let i = 0; i < trials; i++) {
    const offer = sockets.next(customers[i], "WAITLIST_OFFER", 20_000)
    const t0 = nowMs()
    await call(levelUrl, { method: "POST", headers: admin, body: { stocked_quantity: i + 1 } })
    const t1 = nowMs()
    try {
      const { at, payload } = await offer
      if (payload.session_id !== session.sessionId || !payload.join_token) {
        wrong++
      }
      total.push(at - t0)
      afterHttp.push(at - t1)
      http.push(t1 - t0)
    } catch {
      failures++
    }
  }
  const rssAfterTrials = server.rssMb()

  const redis = new Redis(redisUrl)
  const emitter = new Emitter(redis)
  const push = []
  const target = customers[0]
  for (let i = 0; i < trials + 10; i++) {
    const got = sockets.next(target, "BENCH_PUSH", 10_000)
    const t0 = nowMs()
    emitter.to(`user:${target}`).emit("BENCH_PUSH", { i })
    const { at } = await got
    if (i >= 10) {
      push.push(at - t0)
    }
  }
  await redis.quit()
  sockets.close()
  return {
    trials,
    failures,
    wrong_payloads: wrong,
    seat_freed_to_offer: summarize(total),
    http_response_to_offer: summarize(afterHttp),
    floor_admin_call: summarize(http),
    floor_plain_push: summarize(push),
    server_rss_mb: rssAfterTrials,
  }
}

module.exports = { benchOffer }
