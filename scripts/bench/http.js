/** JSON over fetch; throws with the answer's body when the status is not the expected one. */
async function request(url, { method = "GET", body, headers = {}, expect = [200] } = {}) {
  const response = await fetch(url, {
    method,
    headers: { ...(body ? { "content-type": "application/json" } : {}), ...headers },
    body: body ? JSON.stringify(body) : undefined,
  })
  const text = await response.text()
  if (!expect.includes(response.status)) {
    throw new Error(`${method} ${url}: ${response.status} ${text.slice(0, 500)}`)
  }
  return { status: response.status, body: text ? JSON.parse(text) : null }
}

/** A bearer header for the seeded admin. */
async function adminHeaders(server, info) {
  const { body } = await request(`${server.url}/auth/user/emailpass`, {
    method: "POST",
    body: { email: info.admin.email, password: info.admin.password },
  })
  return { authorization: `Bearer ${body.token}` }
}

/** Runs `fn` over `items` with at most `limit` at once; results keep the input order. */
async function mapLimit(items, limit, fn) {
  const results = new Array(items.length)
  let next = 0
  const worker = async () => {
    while (next < items.length) {
      const i = next++
      results[i] = await fn(items[i], i)
    }
  }
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker))
  return results
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted.length ? sorted[Math.floor((sorted.length - 1) / 2)] : null
}

module.exports = { request, adminHeaders, mapLimit, median }
