#!/usr/bin/env node
/**
 * `npm run demo`: Medusa + the plugin on an embedded Postgres (unless DATABASE_URL
 * is set), migrated and seeded once, admin at /app. `--smoke` checks it and exits.
 */
const { spawn } = require("child_process")
const fs = require("fs")
const path = require("path")
const { startEmbeddedPostgres } = require("./lib/embedded-pg")
const { freePort } = require("./lib/free-port")
const { runMedusa, waitForHttp } = require("./lib/medusa-process")
const { buildDemoStorefront, serveDemoStorefront } = require("./lib/demo-storefront")
const { startOfflineStripe } = require("./lib/offline-stripe")
const { buyOfferInStorefront } = require("./lib/demo-purchase-check")

const root = path.resolve(__dirname, "..")
const dataDir = path.join(root, ".demo-data")
const smoke = process.argv.includes("--smoke")
const cleanups = []
let stopping = false

async function provideDatabase() {
  if (process.env.DATABASE_URL) {
    return process.env.DATABASE_URL
  }
  const port = Number(process.env.DEMO_PG_PORT) || (smoke ? await freePort() : 54329)
  const pg = await startEmbeddedPostgres({ dataDir: path.join(dataDir, "pg"), port, persistent: true })
  cleanups.push(() => pg.stop())
  await pg.pg.createDatabase("medusa_demo").catch(() => undefined)
  console.log(`[demo] embedded Postgres on localhost:${port} (data in .demo-data/pg)`)
  return pg.url("medusa_demo")
}

async function stopAll(code) {
  if (stopping) {
    return
  }
  stopping = true
  while (cleanups.length) {
    await cleanups.pop()().catch((e) => console.error(`[demo] stop failed: ${e.message}`))
  }
  process.exit(code)
}

async function smokeCheck(baseUrl, info) {
  const health = await fetch(`${baseUrl}/health`)
  const admin = await fetch(`${baseUrl}/app`)
  const adminHtml = await admin.text()
  const track = await fetch(`${baseUrl}/store/analytics/track`, {
    method: "POST",
    headers: { "content-type": "application/json", "x-publishable-api-key": info.publishable_key },
    body: JSON.stringify({
      events: [{ type: "OFFER_VIEW", entityId: "smoke", event_id: info.event_id, timestamp: new Date().toISOString() }],
    }),
  })
  const beacon = await fetch(
    `${baseUrl}/beacon/analytics/track?x-publishable-api-key=${encodeURIComponent(info.publishable_key)}`,
    {
      method: "POST",
      headers: { "content-type": "text/plain;charset=UTF-8" },
      body: JSON.stringify({
        events: [{ type: "OFFER_VIEW", entityId: "smoke-beacon", event_id: info.event_id, timestamp: new Date().toISOString() }],
      }),
    }
  )
  const page = await fetch(`http://localhost:${info.storefront_port}/main.js`)
  const assignment = await fetch(
    `${baseUrl}/store/ab-tests/${info.experiment.test_id}/assignment?session_token=smoke`,
    { headers: { "x-publishable-api-key": info.publishable_key } }
  )
  const offers = await fetch(`${baseUrl}/store/events/${info.event_id}/offers`, {
    headers: { "x-publishable-api-key": info.publishable_key },
  }).then((r) => (r.ok ? r.json() : { offers: [] }))
  const ads = await fetch(`${baseUrl}/store/ads?event_id=${info.event_id}&placement=EVENT_HERO&session_token=smoke`, {
    headers: { "x-publishable-api-key": info.publishable_key },
  }).then((r) => (r.ok ? r.json() : { ads: [] }))
  const checks = [
    ["the seeded offers are listed", offers.offers?.length >= 1],
    ["the seeded ads are served", ads.ads?.length >= 1],
    ["demo storefront bundle", page.status === 200],
    ["/health", health.status === 200],
    ["/app serves the admin", admin.status === 200 && adminHtml.includes("<div id=\"medusa\"")],
    ["POST /store/analytics/track answers 202", track.status === 202],
    ["POST /beacon/analytics/track (as sendBeacon posts) answers 202", beacon.status === 202],
    ["the seeded A/B test assigns a variant", assignment.status === 200],
  ]
  for (const [name, ok] of checks) {
    console.log(`[demo:smoke] ${ok ? "ok  " : "FAIL"} ${name}`)
  }
  return checks.every(([, ok]) => ok) && (await purchaseCheck(info))
}

/** An attendee buys the T-shirt offer in the storefront page, paying through Medusa's Stripe provider. */
async function purchaseCheck(info) {
  const name = "an attendee buys the T-shirt offer in the storefront (Chromium, Stripe provider, order placed)"
  const screenshot = path.join(root, ".test-artifacts", "demo-offer-purchase.png")
  fs.mkdirSync(path.dirname(screenshot), { recursive: true })
  try {
    const skipped = await buyOfferInStorefront({ storefrontUrl: `http://localhost:${info.storefront_port}`, screenshot })
    console.log(`[demo:smoke] ${skipped ? "SKIP" : "ok  "} ${name}${skipped ? ` — ${skipped}` : ""}`)
    return true
  } catch (error) {
    console.log(`[demo:smoke] FAIL ${name}: ${error.message.split("\n")[0]}`)
    return false
  }
}

async function main() {
  process.on("SIGINT", () => stopAll(0))
  process.on("SIGTERM", () => stopAll(0))
  const storefrontPort = Number(process.env.DEMO_STOREFRONT_PORT) || (smoke ? await freePort() : 8000)
  const port = Number(process.env.PORT) || (smoke ? await freePort() : 9000)
  const env = {
    ...process.env,
    STORE_CORS: process.env.STORE_CORS || `http://localhost:${storefrontPort}`,
    AUTH_CORS: process.env.AUTH_CORS || `http://localhost:${storefrontPort},http://localhost:${port}`,
    DEMO_STOREFRONT_URL: `http://localhost:${storefrontPort}`,
    DATABASE_URL: await provideDatabase(),
    MEDUSA_DISABLE_TELEMETRY: "true",
    DEMO_INFO_FILE: path.join(dataDir, "demo.json"),
  }
  env.PORT = String(port)
  const baseUrl = `http://localhost:${port}`
  // Without a real key (and internet) Medusa's Stripe provider talks to a local Stripe stand-in.
  const offlineStripe = process.env.STRIPE_API_KEY ? undefined : await startOfflineStripe({ medusaUrl: baseUrl })
  if (offlineStripe) {
    Object.assign(env, offlineStripe.env)
    cleanups.push(() => offlineStripe.api.close())
  }
  console.log("[demo] migrating…")
  await runMedusa(["db:migrate"], env)
  console.log("[demo] seeding…")
  await runMedusa(["exec", "./demo/seed.ts"], env)
  const info = JSON.parse(fs.readFileSync(env.DEMO_INFO_FILE, "utf8"))

  const server = spawn(path.join(root, "node_modules/.bin/medusa"), ["develop"], {
    cwd: root,
    env,
    stdio: smoke ? ["ignore", "ignore", "inherit"] : "inherit",
    detached: true,
  })
  cleanups.push(() => stopProcessGroup(server))
  server.on("exit", (code) => !stopping && stopAll(code ?? 1))
  await buildDemoStorefront()
  const storefront = await serveDemoStorefront(
    storefrontPort,
    { ...info, backend_url: baseUrl, offline_stripe: Boolean(offlineStripe) },
    offlineStripe?.api
  )
  cleanups.push(() => new Promise((resolve) => storefront.close(resolve)))
  await waitForHttp(`${baseUrl}/health`, 180_000)

  console.log(`
  Medusa + medusa-plugin-event-monetization is up
    Admin:            ${baseUrl}/app   (${info.admin.email} / ${info.admin.password})
    Demo storefront:  http://localhost:${storefrontPort}
    Store API:        ${baseUrl}/store
    Publishable key:  ${info.publishable_key}
    Event (product):  ${info.event_id}
    Payments:         ${offlineStripe ? `Medusa's Stripe provider against a local Stripe stand-in on :${offlineStripe.api.port} (set STRIPE_API_KEY for real Stripe)` : "Stripe (STRIPE_API_KEY)"}
  Ctrl-C stops Medusa and the embedded Postgres.
`)
  if (smoke) {
    const ok = await smokeCheck(baseUrl, { ...info, storefront_port: storefrontPort })
    await stopAll(ok ? 0 : 1)
  }
}

function stopProcessGroup(child) {
  return new Promise((resolve) => {
    if (child.exitCode !== null) {
      return resolve()
    }
    child.once("exit", resolve)
    process.kill(-child.pid, "SIGTERM")
    setTimeout(() => child.exitCode === null && process.kill(-child.pid, "SIGKILL"), 10_000).unref()
  })
}

main().catch(async (error) => {
  console.error(`[demo] ${error.message}`)
  await stopAll(1)
})
