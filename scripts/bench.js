#!/usr/bin/env node
/**
 * `npm run bench`: measures the plugin's hot paths against their floor in the
 * same run and writes bench/results/<date>.{md,json}. Not part of `npm test`.
 * Env: DATABASE_ADMIN_URL (a Postgres to create the bench database on; else an
 * embedded one), REDIS_URL (else a redis-server from PATH), BENCH_SECONDS (per
 * measurement, default 8), BENCH_ONLY (comma list of sections), BENCH_ABUSE_SECONDS
 * (the abuse section's flood, default 300), and the sizes
 * each section reads (BENCH_EVENTS, BENCH_OFFER_BUYERS, … see README).
 */
const fs = require("fs")
const os = require("os")
const path = require("path")
const { randomBytes } = require("crypto")
const { Client, Pool } = require("pg")
const { startEmbeddedPostgres } = require("./lib/embedded-pg")
const { freePort } = require("./lib/free-port")
const { runMedusa } = require("./lib/medusa-process")
const { startServer } = require("./bench/server")
const { provideRedis } = require("./bench/redis")
const { sampleRss } = require("./bench/rss")
const { writeReport } = require("./bench/report")

const root = path.resolve(__dirname, "..")
const CEILING = { points: 1_000_000_000, duration: 60 }
const BENCH_CEILINGS = {
  ...Object.fromEntries(["viewer", "ip", "ipEvents", "publishableKey", "customer", "purchaseIp", "socketIp", "socketCustomer"].map((layer) => [layer, CEILING])),
  ipShareOfKey: 1,
}
const SECTIONS = ["ingestion", "ads", "offers", "waitlist", "dashboard", "abuse"]
const cleanups = []

/** Sections to run: BENCH_ONLY's, else every section whose script exists. */
function sectionSelector() {
  const exists = (name) => fs.existsSync(path.join(__dirname, "bench", `${name}.js`))
  const only = process.env.BENCH_ONLY?.split(",").map((s) => s.trim()).filter(Boolean)
  for (const name of only ?? []) {
    if (!SECTIONS.includes(name) || !exists(name)) {
      throw new Error(`BENCH_ONLY: unknown or missing section "${name}" (sections: ${SECTIONS.join(", ")})`)
    }
  }
  const chosen = only ?? SECTIONS.filter(exists)
  return (name) => chosen.includes(name)
}

async function providePostgres() {
  if (process.env.DATABASE_ADMIN_URL) {
    return { adminUrl: process.env.DATABASE_ADMIN_URL, kind: "external" }
  }
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "monetization-bench-pg-"))
  fs.chmodSync(dataDir, 0o755)
  const pg = await startEmbeddedPostgres({ dataDir: path.join(dataDir, "data"), port: await freePort(), persistent: false })
  cleanups.push(async () => {
    await pg.stop()
    fs.rmSync(dataDir, { recursive: true, force: true })
  })
  return { adminUrl: pg.url("postgres"), kind: "embedded" }
}

/** The local Stripe stand-in (purchases open a payment session); null when this checkout has none. */
async function provideStripe(medusaUrl) {
  let startOfflineStripe
  try {
    ;({ startOfflineStripe } = require("./lib/offline-stripe"))
  } catch {
    return null
  }
  const stripe = await startOfflineStripe({ medusaUrl })
  cleanups.push(() => stripe.api.close())
  return stripe
}

/** The command that reproduces this run: the bench's own variables, then the npm script. */
function commandLine() {
  const vars = Object.entries(process.env)
    .filter(([key]) => /^(BENCH_|MEDUSA_FF_)/.test(key) || key === "DATABASE_ADMIN_URL" || key === "REDIS_URL")
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([key, value]) => `${key}=${value}`)
  return [...vars, "npm run bench"].join(" ")
}

async function main() {
  const selected = sectionSelector()
  const seconds = Number(process.env.BENCH_SECONDS) || 8
  const started = Date.now()
  const { adminUrl, kind } = await providePostgres()
  const redis = await provideRedis(cleanups)
  const dbName = `monetization_bench_${Date.now()}`
  const admin = new Client({ connectionString: adminUrl })
  await admin.connect()
  await admin.query(`CREATE DATABASE ${dbName}`)
  cleanups.push(async () => {
    await admin.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`)
    await admin.end()
  })
  const databaseUrl = adminUrl.replace(/\/[^/]*$/, `/${dbName}`)
  const infoFile = path.join(os.tmpdir(), `${dbName}.json`)
  const baseEnv = { ...process.env, DATABASE_URL: databaseUrl, MEDUSA_DISABLE_TELEMETRY: "true", DEMO_INFO_FILE: infoFile }
  delete baseEnv.REDIS_URL
  console.log(`[bench] Redis: ${redis.source}; migrating and seeding…`)
  await runMedusa(["db:migrate"], baseEnv)
  await runMedusa(["exec", "./demo/seed.ts"], baseEnv)
  const info = JSON.parse(fs.readFileSync(infoFile, "utf8"))

  const port = await freePort()
  const stripe = await provideStripe(`http://localhost:${port}`)
  const env = {
    ...baseEnv,
    ...(redis.url ? { REDIS_URL: redis.url } : {}),
    ...(stripe?.env ?? {}),
    JWT_SECRET: `bench_${randomBytes(16).toString("hex")}`,
    // The sections measure one server's capacity from loopback clients, one address the per-IP rate
    // limits would cap: the limiter runs (its cost is part of every figure) with ceilings no section
    // reaches. MONETIZATION_OPTIONS from the caller wins.
    MONETIZATION_OPTIONS: process.env.MONETIZATION_OPTIONS || JSON.stringify({ rateLimits: BENCH_CEILINGS }),
  }
  const server = await startServer(env, port)
  cleanups.push(() => server.stop())
  const pool = new Pool({ connectionString: databaseUrl, max: 64 })
  cleanups.push(() => pool.end())

  const ctx = { server, info, pool, databaseUrl, env, redisUrl: redis.url, durationMs: seconds * 1000 }
  const results = {
    date: new Date().toISOString(),
    postgres: kind,
    redis: redis.source,
    stripe: stripe ? "offline Stripe stand-in (scripts/lib/offline-stripe.js)" : "none",
    seconds_per_point: seconds,
    feature_flags: Object.entries(process.env).filter(([k]) => k.startsWith("MEDUSA_FF_")).map(([k, v]) => `${k}=${v}`).join(", ") || "Medusa defaults",
    command: commandLine(),
    rss: {},
    section_seconds: {},
  }
  /** Runs one section with its RSS sampled; a failing section is reported, not fatal. */
  const measure = async (name, run) => {
    console.log(`[bench] ${name}…`)
    const stopRss = sampleRss(server)
    const t0 = Date.now()
    try {
      return await run()
    } catch (error) {
      console.error(`[bench] ${name} failed: ${error.stack || error.message}`)
      return { error: error.message }
    } finally {
      results.rss[name] = stopRss()
      results.section_seconds[name] = Math.round((Date.now() - t0) / 1000)
    }
  }

  if (selected("ingestion")) results.ingestion = await measure("ingestion", () => require("./bench/ingestion").benchIngestion(ctx))
  if (selected("ads")) results.ads = await measure("ads", () => require("./bench/ads").benchAds(ctx))
  if (selected("offers")) results.offers = await measure("offers", () => require("./bench/offers").benchOffers(ctx))
  if (selected("waitlist")) results.waitlist = await measure("waitlist", () => require("./bench/waitlist").benchWaitlist(ctx))
  // After the load sections: it leaves millions of rows behind that they should not run against.
  if (selected("dashboard")) results.dashboard = await measure("dashboard", () => require("./bench/dashboard").benchDashboard(ctx))
  // Its own server with the plugin's default rate limits; the main server idles meanwhile.
  if (selected("abuse")) results.abuse = await measure("abuse", () => require("./bench/abuse").benchAbuse(ctx))

  results.total_seconds = Math.round((Date.now() - started) / 1000)
  const file = writeReport(root, results)
  console.log(`[bench] report: ${path.relative(root, file)} (${results.total_seconds} s)`)
}

async function cleanup() {
  while (cleanups.length) {
    await cleanups.pop()().catch((e) => console.error(`[bench] cleanup: ${e.message}`))
  }
}

main()
  .then(cleanup)
  .catch(async (error) => {
    console.error(`[bench] ${error.stack || error.message}`)
    await cleanup()
    process.exit(1)
  })
