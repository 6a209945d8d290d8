const { appendWaitingEntries, call, settle } = require("./waitlist-setup")
const { positionStatements } = require("./waitlist-sql")
const { timeSequential } = require("./waitlist-stats")

async function getOk(url, headers) {
  const response = await fetch(url, { headers })
  if (response.status !== 200) {
    throw new Error(`GET ${url} → ${response.status}`)
  }
  await response.arrayBuffer()
}

/**
 * Grows one session's list to each size and times, for a customer 10 places from the end:
 * the storefront's GET …/waitlist, the SQL it runs, and their floors (an authenticated
 * store route with one lookup, GET /store/customers/me; a `SELECT 1` round trip).
 */
async function benchPositions({ server, info, pool }, { session, signer, sizes, calls }) {
  const rows = []
  let customers = []
  for (const size of sizes) {
    customers = customers.concat(await appendWaitingEntries(pool, session.sessionId, size - customers.length))
    await settle(pool)
    const customerId = customers[size - 10]
    const headers = { authorization: `Bearer ${signer(customerId)}`, "x-publishable-api-key": info.publishable_key }
    const url = `${server.url}/store/sessions/${session.sessionId}/waitlist`
    const { waitlist_entry: entry } = await call(url, { headers })
    const sql = await positionStatements(pool, session.sessionId, customerId)
    const expected = { position: size - 9, total: size }
    const correct =
      entry.position === expected.position && entry.total === expected.total &&
      sql.position === expected.position && sql.total === expected.total
    rows.push({
      waiting: size,
      position: entry.position,
      total: entry.total,
      correct,
      route: await timeSequential(() => getOk(url, headers), { calls }),
      route_floor: await timeSequential(() => getOk(`${server.url}/store/customers/me`, headers), { calls }),
      sql: await timeSequential(() => positionStatements(pool, session.sessionId, customerId), { calls }),
      sql_floor: await timeSequential(() => pool.query("SELECT 1"), { calls }),
      server_rss_mb: server.rssMb(),
    })
  }
  return rows
}

module.exports = { benchPositions }
