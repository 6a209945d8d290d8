const jwt = require("jsonwebtoken")
const { adminHeaders, request } = require("./http")

/** JSON over fetch, answering the body; throws with the body on an unexpected status. */
async function call(url, options) {
  return (await request(url, options)).body
}

/**
 * Full sessions the way an organizer makes them through the admin API: an inventory item
 * with 0 seats at the venue, and a ticket variant managing that inventory.
 */
async function createSessions(server, info, admin, names) {
  const { stock_locations } = await call(`${server.url}/admin/stock-locations?limit=1`, { headers: admin })
  const locationId = stock_locations[0].id
  const stamp = Date.now().toString(36)
  const items = []
  for (const name of names) {
    const { inventory_item } = await call(`${server.url}/admin/inventory-items`, {
      method: "POST",
      headers: admin,
      body: {
        sku: `BENCH-WL-${stamp}-${name}`.toUpperCase(),
        title: `Bench session ${name}`,
        requires_shipping: false,
        location_levels: [{ location_id: locationId, stocked_quantity: 0 }],
      },
    })
    items.push(inventory_item.id)
  }
  const { product } = await call(`${server.url}/admin/products`, {
    method: "POST",
    headers: admin,
    body: {
      title: `Waitlist bench ${stamp}`,
      status: "published",
      options: [{ title: "Session", values: names }],
      variants: names.map((name, i) => ({
        title: name,
        sku: `BENCH-WL-${stamp}-${name}`.toUpperCase(),
        manage_inventory: true,
        options: { Session: name },
        prices: [{ amount: 10, currency_code: "eur" }],
        inventory_items: [{ inventory_item_id: items[i], required_quantity: 1 }],
      })),
      sales_channels: [{ id: info.sales_channel_id }],
    },
  })
  // Waitlists are opt-in (#16): enable them for every session of the bench product.
  await call(`${server.url}/admin/events/${product.id}/waitlist-settings`, {
    method: "POST",
    headers: admin,
    body: { enabled: true },
  })
  return Object.fromEntries(
    names.map((name, i) => [
      name,
      {
        sessionId: product.variants.find((v) => v.title === name).id,
        inventoryItemId: items[i],
        locationId,
      },
    ])
  )
}

/**
 * Registers one customer through the real auth routes and answers a signer that issues
 * tokens of the same shape (same claims, lifetime and secret) for customers inserted in SQL.
 */
async function customerTokenSigner(server, info, env) {
  const email = `bench-wl-${Date.now()}@bench.dev`
  const password = "supersecret"
  const key = { "x-publishable-api-key": info.publishable_key }
  const registration = await call(`${server.url}/auth/customer/emailpass/register`, {
    method: "POST",
    body: { email, password },
  })
  await call(`${server.url}/store/customers`, {
    method: "POST",
    headers: { ...key, authorization: `Bearer ${registration.token}` },
    body: { email },
  })
  const { token } = await call(`${server.url}/auth/customer/emailpass`, { method: "POST", body: { email, password } })
  const { iat, exp, ...claims } = jwt.decode(token)
  const lifetime = exp - iat
  const secret = env.JWT_SECRET || "supersecret"
  if (!jwt.verify(token, secret)) {
    throw new Error("the server's customer token is not signed with JWT_SECRET")
  }
  return (customerId) =>
    jwt.sign(
      {
        ...claims,
        actor_id: customerId,
        auth_identity_id: `authid_bench_${customerId}`,
        app_metadata: { ...(claims.app_metadata ?? {}), customer_id: customerId },
      },
      secret,
      { expiresIn: lifetime }
    )
}

/**
 * Appends `count` WAITING entries (and their customers) to a session in two statements;
 * answers the customer ids in queue order. Fills `ordinal` (the per-session join number)
 * when the schema has it, as the module's join does.
 */
async function appendWaitingEntries(pool, sessionId, count) {
  const prefix = `cus_bwl_${sessionId.slice(-10).toLowerCase()}_`
  const { rows: have } = await pool.query(
    `SELECT count(*)::int AS n FROM monetization_waitlist_entry WHERE session_id = $1`,
    [sessionId]
  )
  const from = have[0].n + 1
  const to = have[0].n + count
  await pool.query(
    `INSERT INTO customer (id, email, has_account, created_at, updated_at)
     SELECT $1 || g, $1 || g || '@bench.dev', true, now(), now() FROM generate_series($2::int, $3::int) g`,
    [prefix, from, to]
  )
  const { rows: cols } = await pool.query(
    `SELECT 1 FROM information_schema.columns WHERE table_name = 'monetization_waitlist_entry' AND column_name = 'ordinal'`
  )
  const ordinal = cols.length > 0
  await pool.query(
    `INSERT INTO monetization_waitlist_entry
       (id, session_id, customer_id, quantity, status, created_at, updated_at${ordinal ? ", ordinal" : ""})
     SELECT 'mwle_' || $1 || g, $4, $1 || g, 1, 'WAITING', now(), now()${ordinal ? ", g" : ""}
     FROM generate_series($2::int, $3::int) g ORDER BY g`,
    [prefix, from, to, sessionId]
  )
  return Array.from({ length: count }, (_, i) => `${prefix}${from + i}`)
}

/** What autovacuum would have done to a table that grew this much: fresh stats and visibility map. */
async function settle(pool) {
  await pool.query("VACUUM ANALYZE monetization_waitlist_entry")
  await pool.query("VACUUM ANALYZE customer")
}

module.exports = { call, adminHeaders, createSessions, customerTokenSigner, appendWaitingEntries, settle }
