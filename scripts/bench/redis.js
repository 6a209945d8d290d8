const { freePort } = require("../lib/free-port")
const { redisServerOnPath, startRedisServer } = require("../lib/redis")

const DB_COUNT = 16

/**
 * Redis for the bench server: REDIS_URL's server on a logical database of its own
 * (BENCH_REDIS_DB, else the highest empty one), flushed only when the bench ends;
 * else a throwaway redis-server from PATH; else none (the report says so).
 */
async function provideRedis(cleanups) {
  const Redis = require("ioredis")
  if (process.env.REDIS_URL) {
    const base = new URL(process.env.REDIS_URL)
    const db = process.env.BENCH_REDIS_DB ? Number(process.env.BENCH_REDIS_DB) : await emptyDatabase(Redis, base)
    base.pathname = `/${db}`
    const url = base.toString()
    cleanups.push(async () => {
      const client = new Redis(url, { maxRetriesPerRequest: 1 })
      await client.flushdb()
      await client.quit()
    })
    return { url, source: `REDIS_URL, database ${db}` }
  }
  const binary = redisServerOnPath()
  if (binary) {
    const redis = await startRedisServer(binary, await freePort())
    cleanups.push(() => redis.stop())
    return { url: redis.url, source: `${binary} started for the bench` }
  }
  return { url: null, source: "none (no REDIS_URL, no redis-server on PATH): in-memory modules, caps counted in Postgres" }
}

/** The highest-numbered logical database holding no key, so other users of the server are left alone. */
async function emptyDatabase(Redis, base) {
  for (let db = DB_COUNT - 1; db > 0; db--) {
    const url = new URL(base)
    url.pathname = `/${db}`
    const client = new Redis(url.toString(), { maxRetriesPerRequest: 1 })
    const size = await client.dbsize()
    await client.quit()
    if (size === 0) {
      return db
    }
  }
  throw new Error("REDIS_URL: no empty logical database; set BENCH_REDIS_DB")
}

module.exports = { provideRedis }
