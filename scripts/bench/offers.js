const jwt = require("jsonwebtoken")
const { adminHeaders, mapLimit, request } = require("./http")

const BUYERS = Number(process.env.BENCH_OFFER_BUYERS) || 200
const SMALL_STOCK = Number(process.env.BENCH_OFFER_STOCK) || 50
/** BENCH_OFFER_CHECKOUT=0 measures the decisions alone (no winner asks for its checkout). */
const WITH_CHECKOUT = process.env.BENCH_OFFER_CHECKOUT !== "0"
const DAY_MS = 86_400_000

/**
 * Customers made through the admin API (real Medusa customers), with bearer tokens
 * signed by the server's JWT secret the way /auth/customer would issue them: the
 * bench measures holds, not 200 password hashes.
 */
async function createBuyers({ server, env }, admin, count) {
  const stamp = Date.now().toString(36)
  return mapLimit(Array.from({ length: count }, (_, i) => i), 16, async (i) => {
    const { body } = await request(`${server.url}/admin/customers`, {
      method: "POST",
      headers: admin,
      body: { email: `buyer-${stamp}-${i}@bench.example.com`, first_name: "Bench", last_name: `Buyer ${i}` },
    })
    const id = body.customer.id
    const token = jwt.sign(
      { actor_id: id, actor_type: "customer", auth_identity_id: `authid_bench_${i}`, app_metadata: { customer_id: id } },
      env.JWT_SECRET,
      { expiresIn: "1d" }
    )
    return { id, token }
  })
}

async function createOffer({ server, info, pool }, admin, stock) {
  const { rows } = await pool.query("SELECT id FROM product_variant WHERE sku = 'STC26-TEE-M' AND deleted_at IS NULL")
  const { body } = await request(`${server.url}/admin/offers`, {
    method: "POST",
    headers: admin,
    expect: [200, 201],
    body: {
      event_id: info.event_id,
      variant_id: rows[0].id,
      title: `Bench T-shirt (${stock})`,
      offer_type: "MERCHANDISE",
      price: 20,
      original_price: 29,
      currency_code: "eur",
      placement: "POST_PURCHASE",
      starts_at: new Date(Date.now() - DAY_MS).toISOString(),
      expires_at: new Date(Date.now() + DAY_MS).toISOString(),
      is_active: true,
      inventory_total: stock,
    },
  })
  return body.offer.id
}

const post = (ctx, path, buyer, body) =>
  fetch(`${ctx.server.url}${path}`, {
    method: "POST",
    headers: {
      "content-type": "application/json",
      "x-publishable-api-key": ctx.info.publishable_key,
      authorization: `Bearer ${buyer.token}`,
    },
    body: JSON.stringify(body),
  })

/**
 * One buyer as the widget behaves: the purchase (the decision: a hold or a refusal), then for
 * a winner the checkout (cart, line and payment session). Answers the outcome and both times.
 */
async function purchase(ctx, offerId, buyer) {
  const started = performance.now()
  const response = await post(ctx, `/store/offers/${offerId}/purchase`, buyer, { quantity: 1 })
  const text = await response.text()
  const decisionMs = performance.now() - started
  if (response.status !== 201) {
    const outcome = text.includes("SOLD_OUT") ? "sold_out" : `error:${response.status}:${text.slice(0, 160)}`
    return { outcome, decisionMs, sessionMs: null }
  }
  if (!WITH_CHECKOUT) {
    return { outcome: "held", decisionMs, sessionMs: null }
  }
  const checkout = await post(ctx, `/store/offers/${offerId}/checkout`, buyer, {})
  const body = await checkout.json().catch(() => ({}))
  const ready = checkout.status === 200 && !!body.payment_session?.data?.client_secret
  return { outcome: ready ? "held" : `error:checkout:${checkout.status}`, decisionMs, sessionMs: performance.now() - started - decisionMs }
}

const percentile = (values, p) => {
  if (!values.length) {
    return null
  }
  const sorted = [...values].sort((x, y) => x - y)
  return +sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)].toFixed(1)
}
const spread = (values) => ({ n: values.length, p50_ms: percentile(values, 50), p99_ms: percentile(values, 99) })

/** Units held or sold beyond stock, from the offer's counters and from its hold rows. */
async function stockCheck(pool, offerId) {
  const { rows } = await pool.query(
    `SELECT o.inventory_total, o.held, o.sold,
       coalesce(sum(h.quantity) FILTER (WHERE h.status IN ('HELD', 'CONVERTED')), 0)::int AS hold_units
     FROM monetization_offer o
     LEFT JOIN monetization_offer_hold h ON h.offer_id = o.id AND h.deleted_at IS NULL
     WHERE o.id = $1 GROUP BY o.id`,
    [offerId]
  )
  const row = rows[0]
  const taken = Math.max(row.held + row.sold, row.hold_units)
  return {
    stock: row.inventory_total,
    held: row.held,
    sold: row.sold,
    hold_rows_units: row.hold_units,
    oversold: Math.max(0, taken - row.inventory_total),
    counters_match_rows: row.held + row.sold === row.hold_units,
  }
}

const tally = (outcomes) => {
  const counts = {}
  for (const outcome of outcomes) {
    const key = outcome.startsWith("error:") ? outcome.split(":").slice(0, 2).join(":") : outcome
    counts[key] = (counts[key] ?? 0) + 1
  }
  return counts
}

/** Every buyer tries once, all at the same moment. */
async function rush(ctx, buyers, offerId) {
  const cpu0 = ctx.server.cpuMs()
  const started = Date.now()
  const results = await Promise.all(buyers.map((buyer) => purchase(ctx, offerId, buyer)))
  const seconds = (Date.now() - started) / 1000
  const outcomes = results.map((r) => r.outcome)
  const winners = results.filter((r) => r.outcome === "held")
  const losers = results.filter((r) => r.outcome === "sold_out")
  const firstError = outcomes.find((o) => o.startsWith("error:"))
  return {
    seconds: +seconds.toFixed(2),
    outcomes: tally(outcomes),
    held: winners.length,
    decision_winners: spread(winners.map((r) => r.decisionMs)),
    decision_losers: spread(losers.map((r) => r.decisionMs)),
    decision_to_session_ready: spread(winners.map((r) => r.sessionMs).filter((ms) => ms !== null)),
    server_cpu_ms_per_buyer: +((ctx.server.cpuMs() - cpu0) / results.length).toFixed(1),
    first_error: firstError ?? null,
  }
}

/**
 * The floor: the same burst of atomic reserves (the one conditional UPDATE a hold is decided
 * by) sent straight to Postgres from the bench's pool at once, on a stock of the same size.
 */
async function reserveFloor(ctx, offerId, count) {
  const latencies = await Promise.all(
    Array.from({ length: count }, async () => {
      const started = performance.now()
      await ctx.pool.query(
        `UPDATE monetization_offer SET held = held + 1, updated_at = now()
         WHERE id = $1 AND deleted_at IS NULL AND (inventory_total IS NULL OR inventory_total - sold - held >= 1)
         RETURNING id`,
        [offerId]
      )
      return performance.now() - started
    })
  )
  return { updates: count, ...spread(latencies) }
}

/** 200 concurrent buyers on 50 units: time to the decision (winners, losers), to a ready payment session, oversold (must be 0), beside the raw-UPDATE floor. */
async function benchOffers(ctx) {
  const admin = await adminHeaders(ctx.server, ctx.info)
  const t0 = Date.now()
  const buyers = await createBuyers(ctx, admin, BUYERS)
  const buyersSeconds = (Date.now() - t0) / 1000
  const floor = await reserveFloor(ctx, await createOffer(ctx, admin, SMALL_STOCK), BUYERS)
  const scarceId = await createOffer(ctx, admin, SMALL_STOCK)
  const scarce = await rush(ctx, buyers, scarceId)
  const scarceStock = await stockCheck(ctx.pool, scarceId)
  const worst = Math.max(scarce.decision_winners.p99_ms ?? 0, scarce.decision_losers.p99_ms ?? 0)
  return {
    floor,
    buyers: BUYERS,
    stock: SMALL_STOCK,
    buyers_setup_s: +buyersSeconds.toFixed(1),
    decision_p99_vs_floor_p99: floor.p99_ms ? +(worst / floor.p99_ms).toFixed(1) : null,
    scarce: { ...scarce, ...scarceStock, server_rss_mb: ctx.server.rssMb() },
  }
}

module.exports = { benchOffers }
