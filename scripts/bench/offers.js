const jwt = require("jsonwebtoken")
const { adminHeaders, mapLimit, request } = require("./http")
const { runLoad } = require("./load")

const BUYERS = Number(process.env.BENCH_OFFER_BUYERS) || 200
const SMALL_STOCK = Number(process.env.BENCH_OFFER_STOCK) || 50
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

/** One purchase attempt; resolves to "held", the refusal's reason, or "error:<status>". */
async function purchase({ server, info }, offerId, buyer) {
  const response = await fetch(`${server.url}/store/offers/${offerId}/purchase`, {
    method: "POST",
    headers: {
      "content-type": "application/json",
      "x-publishable-api-key": info.publishable_key,
      authorization: `Bearer ${buyer.token}`,
    },
    body: JSON.stringify({ quantity: 1 }),
  })
  const text = await response.text()
  if (response.status === 201) {
    return "held"
  }
  return text.includes("SOLD_OUT") ? "sold_out" : `error:${response.status}:${text.slice(0, 160)}`
}

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
  const outcomes = await Promise.all(buyers.map((buyer) => purchase(ctx, offerId, buyer)))
  const seconds = (Date.now() - started) / 1000
  const held = outcomes.filter((o) => o === "held").length
  const firstError = outcomes.find((o) => o.startsWith("error:"))
  return {
    seconds: +seconds.toFixed(2),
    outcomes: tally(outcomes),
    held,
    holds_per_s: +(held / seconds).toFixed(1),
    server_cpu_ms_per_attempt: +((ctx.server.cpuMs() - cpu0) / outcomes.length).toFixed(1),
    first_error: firstError ?? null,
  }
}

/**
 * The floor: the route's own atomic reserve (one conditional UPDATE of the offer row), sent
 * straight to Postgres from the bench's pool on an offer of its own.
 */
async function reserveFloor(ctx, offerId) {
  const result = await runLoad({
    concurrency: Math.min(BUYERS, 64),
    durationMs: ctx.durationMs,
    task: async () => {
      const { rowCount } = await ctx.pool.query(
        `UPDATE monetization_offer SET held = held + 1, updated_at = now()
         WHERE id = $1 AND deleted_at IS NULL AND (inventory_total IS NULL OR inventory_total - sold - held >= 1)
         RETURNING id`,
        [offerId]
      )
      if (rowCount !== 1) {
        throw new Error("sold out")
      }
    },
  })
  return { reserves_per_s: Math.round(result.rps), p50_ms: +result.p50_ms.toFixed(1), clients: Math.min(BUYERS, 64) }
}

/** 200 concurrent buyers: a rush on 50 units (oversold must be 0), then ample stock with 200 and with 50 buyers (holds/s). */
async function benchOffers(ctx) {
  const admin = await adminHeaders(ctx.server, ctx.info)
  const t0 = Date.now()
  const buyers = await createBuyers(ctx, admin, BUYERS)
  const buyersSeconds = (Date.now() - t0) / 1000
  const scarceId = await createOffer(ctx, admin, SMALL_STOCK)
  const scarce = await rush(ctx, buyers, scarceId)
  const scarceStock = await stockCheck(ctx.pool, scarceId)
  const rssAfterRush = ctx.server.rssMb()
  const ampleStock = BUYERS * 1000
  const ampleId = await createOffer(ctx, admin, ampleStock)
  const ample = await rush(ctx, buyers, ampleId)
  const ampleCheck = await stockCheck(ctx.pool, ampleId)
  // The issue's own point: holds/s with 50 concurrent buyers.
  const ample50Id = await createOffer(ctx, admin, ampleStock)
  const ample50 = await rush(ctx, buyers.slice(0, 50), ample50Id)
  const ample50Check = await stockCheck(ctx.pool, ample50Id)
  const floor = await reserveFloor(ctx, await createOffer(ctx, admin, 10_000_000))
  return {
    floor,
    ratio: +(ample.holds_per_s / floor.reserves_per_s).toFixed(4),
    buyers: BUYERS,
    buyers_setup_s: +buyersSeconds.toFixed(1),
    scarce: { ...scarce, ...scarceStock, server_rss_mb: rssAfterRush },
    ample: { ...ample, ...ampleCheck, server_rss_mb: ctx.server.rssMb() },
    ample_50: { ...ample50, ...ample50Check, server_rss_mb: ctx.server.rssMb() },
  }
}

module.exports = { benchOffers }
