#!/usr/bin/env node
/**
 * Runs only the waitlist section of the benchmark and prints its markdown.
 * Env: DATABASE_ADMIN_URL (required: a Postgres to create the bench database on),
 * BENCH_WAITLIST_DB (reuse a migrated + seeded database instead; kept afterwards),
 * BENCH_SHARED_REDIS=1 (use REDIS_URL instead of a private redis-server: other servers
 * on the same Redis share Medusa's event queue and can take this server's events).
 */
const fs = require("fs")
const os = require("os")
const path = require("path")
const { Client, Pool } = require("pg")
const { freePort } = require("../lib/free-port")
const { runMedusa } = require("../lib/medusa-process")
const { redisServerOnPath, startRedisServer } = require("../lib/redis")
const { startServer } = require("./server")
const { benchWaitlist, renderWaitlist } = require("./waitlist")

const cleanups = []

async function provideRedis() {
  if (process.env.BENCH_SHARED_REDIS === "1" && process.env.REDIS_URL) {
    return process.env.REDIS_URL
  }
  const binary = redisServerOnPath()
  if (!binary) {
    throw new Error("no redis-server on PATH (or set BENCH_SHARED_REDIS=1 and REDIS_URL)")
  }
  const redis = await startRedisServer(binary, await freePort())
  cleanups.push(() => redis.stop())
  return redis.url
}

async function provideDatabase(adminUrl, baseEnv) {
  const reuse = process.env.BENCH_WAITLIST_DB
  const dbName = reuse || `monetization_bench_wl_${Date.now()}`
  const databaseUrl = adminUrl.replace(/\/[^/]*$/, `/${dbName}`)
  const infoFile = path.join(os.tmpdir(), `${dbName}.json`)
  const env = { ...baseEnv, DATABASE_URL: databaseUrl, DEMO_INFO_FILE: infoFile }
  if (!reuse) {
    const admin = new Client({ connectionString: adminUrl })
    await admin.connect()
    await admin.query(`CREATE DATABASE ${dbName}`)
    cleanups.push(async () => {
      await admin.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`)
      await admin.end()
    })
    console.log(`[bench:waitlist] migrating and seeding ${dbName}…`)
    await runMedusa(["db:migrate"], env)
    await runMedusa(["exec", "./demo/seed.ts"], env)
  } else {
    await runMedusa(["db:migrate"], env)
  }
  if (!fs.existsSync(infoFile)) {
    await runMedusa(["exec", "./demo/seed.ts"], env)
  }
  return { env, databaseUrl, info: JSON.parse(fs.readFileSync(infoFile, "utf8")) }
}

async function main() {
  const adminUrl = process.env.DATABASE_ADMIN_URL
  if (!adminUrl) {
    throw new Error("set DATABASE_ADMIN_URL, e.g. postgres://postgres@localhost:5432/postgres")
  }
  const redisUrl = await provideRedis()
  const baseEnv = { ...process.env, REDIS_URL: redisUrl, MEDUSA_DISABLE_TELEMETRY: "true" }
  const { env, databaseUrl, info } = await provideDatabase(adminUrl, baseEnv)
  const server = await startServer(env, await freePort())
  cleanups.push(() => server.stop())
  const pool = new Pool({ connectionString: databaseUrl, max: 16 })
  cleanups.push(() => pool.end())
  const durationMs = (Number(process.env.BENCH_SECONDS) || 8) * 1000
  const started = Date.now()
  const result = await benchWaitlist({ server, info, pool, databaseUrl, env, redisUrl, durationMs })
  result.section_seconds = Math.round((Date.now() - started) / 1000)
  const out = path.join(os.tmpdir(), `bench-waitlist-${Date.now()}.json`)
  fs.writeFileSync(out, JSON.stringify(result, null, 2))
  console.log(renderWaitlist(result))
  console.log(`[bench:waitlist] ${result.section_seconds}s; JSON: ${out}`)
}

async function cleanup() {
  while (cleanups.length) {
    await cleanups.pop()().catch((e) => console.error(`[bench:waitlist] cleanup: ${e.message}`))
  }
}

main()
  .then(cleanup)
  .catch(async (error) => {
    console.error(`[bench:waitlist] ${error.stack || error.message}`)
    await cleanup()
    process.exit(1)
  })
