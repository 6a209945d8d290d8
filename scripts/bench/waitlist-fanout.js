const Redis = require("ioredis")
const { Emitter } = require("@socket.io/redis-emitter")
const { appendWaitingEntries, call, settle } = require("./waitlist-setup")
const { forkClients } = require("./waitlist-clients")
const { nowMs, summarize } = require("./waitlist-stats")

/** Arms every client process for `event`, runs `trigger`, answers arrival stats relative to its start. */
async function timeDelivery(clients, slices, { event, sessionId, expectOf, trigger, timeoutMs, type = "collect" }) {
  await clients.all((i) => ({ type, event, sessionId, expect: expectOf(slices[i]), timeoutMs }))
  const results = Promise.all(Array.from({ length: clients.count }, (_, i) => clients.receive(i)))
  const t0 = nowMs()
  const triggerMs = await trigger()
  const replies = await results
  const arrivals = replies.flatMap((r) => r.times.map((t) => t - t0))
  return {
    ...summarize(arrivals),
    last_ms: arrivals.length ? Math.round(Math.max(...arrivals) * 100) / 100 : null,
    received: replies.reduce((sum, r) => sum + (r.received ?? r.times.length), 0),
    after_final: replies.reduce((sum, r) => sum + (r.after_final ?? 0), 0),
    missing: replies.reduce((sum, r) => sum + r.missing, 0),
    wrong: replies.reduce((sum, r) => sum + r.wrong, 0),
    client_cpu_ms: replies.map((r) => r.client_cpu_ms),
    trigger_ms: triggerMs == null ? null : Math.round(triggerMs * 100) / 100,
  }
}

/**
 * WAITLIST_POSITION_UPDATE to `n` waiting customers, each with its own authenticated socket
 * (spread over `processes` client processes), when the customer at the head leaves through
 * DELETE /store/sessions/:session_id/waitlist. Floors on the same server and sockets, without
 * the plugin: one Redis-emitter push per customer room (the plugin's message pattern), and one
 * broadcast to every socket (`io.emit`).
 */
async function benchFanout({ server, info, pool, redisUrl }, { session, signer, n, processes, burst }) {
  const customers = await appendWaitingEntries(pool, session.sessionId, n + 1 + burst)
  await settle(pool)
  const [leaver, ...rest] = customers
  const burstLeavers = rest.slice(0, burst)
  const waiting = rest.slice(burst)
  const clients = forkClients(server.url, processes)
  try {
    const slices = Array.from({ length: processes }, (_, p) => waiting.filter((_, i) => i % processes === p))
    const connectStarted = nowMs()
    const connected = await clients.all((p) => ({
      type: "connect",
      concurrency: 50,
      customers: slices[p].map((customerId) => ({ customerId, token: signer(customerId) })),
    }))
    const connectSeconds = (nowMs() - connectStarted) / 1000
    const failed = connected.reduce((sum, c) => sum + c.failed, 0)
    if (failed) {
      throw new Error(`fan-out bench: ${failed} of ${n} sockets failed to connect (${connected.find((c) => c.first_error)?.first_error})`)
    }
    const rssConnected = server.rssMb()
    const positionOf = new Map(waiting.map((customerId, i) => [customerId, burst + i + 1]))
    const timeoutMs = 60_000

    const plugin = await timeDelivery(clients, slices, {
      event: "WAITLIST_POSITION_UPDATE",
      sessionId: session.sessionId,
      expectOf: (slice) => Object.fromEntries(slice.map((id) => [id, positionOf.get(id)])),
      timeoutMs,
      trigger: async () => {
        const t0 = nowMs()
        await call(`${server.url}/store/sessions/${session.sessionId}/waitlist`, {
          method: "DELETE",
          headers: { authorization: `Bearer ${signer(leaver)}`, "x-publishable-api-key": info.publishable_key },
        })
        return nowMs() - t0
      },
    })
    const rssAfter = server.rssMb()

    const redis = new Redis(redisUrl)
    const emitter = new Emitter(redis)
    const perRoom = await timeDelivery(clients, slices, {
      event: "BENCH_ROOM_PUSH",
      sessionId: session.sessionId,
      expectOf: (slice) => Object.fromEntries(slice.map((id) => [id, null])),
      timeoutMs,
      trigger: async () => {
        for (const [customerId, position] of positionOf) {
          emitter.to(`user:${customerId}`).emit("BENCH_ROOM_PUSH", {
            session_id: session.sessionId,
            position,
            total: n,
            estimated_wait_minutes: position * 15,
          })
        }
        return null
      },
    })
    const broadcast = await timeDelivery(clients, slices, {
      event: "BENCH_BROADCAST",
      sessionId: session.sessionId,
      expectOf: (slice) => Object.fromEntries(slice.map((id) => [id, null])),
      timeoutMs,
      trigger: async () => {
        emitter.emit("BENCH_BROADCAST", { session_id: session.sessionId })
        return null
      },
    })
    await redis.quit()

    // `burst` customers ahead of every socket leave at once: each leave changes every position.
    const burstLeave = await timeDelivery(clients, slices, {
      type: "collect-until-final",
      event: "WAITLIST_POSITION_UPDATE",
      sessionId: session.sessionId,
      expectOf: (slice) => Object.fromEntries(slice.map((id) => [id, positionOf.get(id) - burst])),
      timeoutMs,
      trigger: async () => {
        const t0 = nowMs()
        await Promise.all(
          burstLeavers.map((customerId) =>
            call(`${server.url}/store/sessions/${session.sessionId}/waitlist`, {
              method: "DELETE",
              headers: { authorization: `Bearer ${signer(customerId)}`, "x-publishable-api-key": info.publishable_key },
            })
          )
        )
        return nowMs() - t0
      },
    })
    return {
      clients: n,
      client_processes: processes,
      connect_seconds: Math.round(connectSeconds * 10) / 10,
      plugin,
      floor_per_room_push: perRoom,
      floor_broadcast: broadcast,
      burst,
      burst_leave: burstLeave,
      server_rss_mb_connected: rssConnected,
      server_rss_mb: rssAfter,
    }
  } finally {
    await clients.stop()
  }
}

module.exports = { benchFanout }
