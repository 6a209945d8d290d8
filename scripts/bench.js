#!/usr/bin/env node
/**
 * `npm run bench`: measures the plugin's hot paths against their floor in the
 * same run and writes bench/results/<date>.{md,json}. Not part of `npm test`.
 * Env: DATABASE_ADMIN_URL (a Postgres to create the bench database on; else an
 * embedded one), BENCH_SECONDS (per measurement, default 8).
 */
const fs = require("fs")
const os = require("os")
const path = require("path")
const { Client, Pool } = require("pg")
const { startEmbeddedPostgres } = require("./lib/embedded-pg")
const { freePort } = require("./lib/free-port")
const { runMedusa } = require("./lib/medusa-process")
const { startServer } = require("./bench/server")
const { benchIngestion } = require("./bench/ingestion")
const { writeReport } = require("./bench/report")

const root = path.resolve(__dirname, "..")
const cleanups = []

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

async function main() {
  const seconds = Number(process.env.BENCH_SECONDS) || 8
  const { adminUrl, kind } = await providePostgres()
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
  const env = { ...process.env, DATABASE_URL: databaseUrl, MEDUSA_DISABLE_TELEMETRY: "true", DEMO_INFO_FILE: infoFile }
  console.log("[bench] migrating and seeding…")
  await runMedusa(["db:migrate"], env)
  await runMedusa(["exec", "./demo/seed.ts"], env)
  const info = JSON.parse(fs.readFileSync(infoFile, "utf8"))

  const server = await startServer(env, await freePort())
  cleanups.push(() => server.stop())
  const pool = new Pool({ connectionString: databaseUrl, max: 64 })
  cleanups.push(() => pool.end())

  console.log(`[bench] ingestion (${seconds}s per point)…`)
  const ingestion = await benchIngestion({ server, info, pool, durationMs: seconds * 1000 })
  const results = { date: new Date().toISOString(), postgres: kind, seconds_per_point: seconds, ingestion }
  const file = writeReport(root, results)
  console.log(`[bench] report: ${path.relative(root, file)}`)
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
