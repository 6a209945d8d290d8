/**
 * Waitlist section of `npm run bench`: position query cost vs list length, seat freed →
 * WAITLIST_OFFER latency, and WAITLIST_POSITION_UPDATE fan-out, each against a floor
 * measured in the same run. Env: BENCH_WAITLIST_SIZES (1000,100000), BENCH_WAITLIST_TRIALS
 * (100), BENCH_FANOUT_CLIENTS (1000,5000), BENCH_FANOUT_PROCESSES (2), BENCH_WAITLIST_CALLS (200),
 * BENCH_WAITLIST_PARTS (position,offer,fanout), BENCH_FANOUT_BURST (20: customers ahead who leave at once).
 */
const { adminHeaders, createSessions, customerTokenSigner } = require("./waitlist-setup")
const { benchPositions } = require("./waitlist-position")
const { benchOffer } = require("./waitlist-offer")
const { benchFanout } = require("./waitlist-fanout")
const { renderWaitlist } = require("./waitlist-render")

const list = (value, fallback) =>
  (value ?? fallback).split(",").map(Number).filter((n) => n > 0).sort((a, b) => a - b)

async function benchWaitlist(ctx) {
  const env = ctx.env ?? process.env
  const sizes = list(env.BENCH_WAITLIST_SIZES, "1000,100000")
  const trials = Number(env.BENCH_WAITLIST_TRIALS) || 100
  const fanoutSizes = list(env.BENCH_FANOUT_CLIENTS, "1000,5000")
  const processes = Number(env.BENCH_FANOUT_PROCESSES) || 2
  const burst = Number(env.BENCH_FANOUT_BURST) || 20
  const calls = Number(env.BENCH_WAITLIST_CALLS) || 200
  const parts = (env.BENCH_WAITLIST_PARTS ?? "position,offer,fanout").split(",")
  const log = (message) => console.log(`[bench:waitlist] ${message}`)

  const admin = await adminHeaders(ctx.server, ctx.info)
  const names = ["position", "offer", ...fanoutSizes.map((n) => `fanout-${n}`)]
  const sessions = await createSessions(ctx.server, ctx.info, admin, names)
  const signer = await customerTokenSigner(ctx.server, ctx.info, env)
  const result = { server_rss_mb_start: ctx.server.rssMb(), redis: ctx.redisUrl }

  if (parts.includes("position")) {
    log(`position query at ${sizes.join(", ")} waiting entries (${calls} calls each)…`)
    result.positions = await benchPositions(ctx, { session: sessions.position, signer, sizes, calls })
  }
  if (parts.includes("offer")) {
    log(`seat freed → WAITLIST_OFFER (${trials} trials)…`)
    result.offer = await benchOffer(ctx, { session: sessions.offer, signer, admin, trials })
  }
  result.fanout = []
  for (const n of parts.includes("fanout") ? fanoutSizes : []) {
    log(`WAITLIST_POSITION_UPDATE fan-out to ${n} sockets (${processes} client processes)…`)
    result.fanout.push(await benchFanout(ctx, { session: sessions[`fanout-${n}`], signer, n, processes, burst }))
  }
  return result
}

module.exports = { benchWaitlist, renderWaitlist }
