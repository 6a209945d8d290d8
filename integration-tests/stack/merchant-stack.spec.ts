import { spawn } from "child_process"
import { randomBytes } from "crypto"
import fs from "fs"
import os from "os"
import path from "path"
import { Client } from "pg"
import { FakeStripeApi, startFakeStripeApi } from "../../demo/offline-stripe/fake-stripe-api"
import { Browser, collectPageProblems, launchChromium, PageProblem, saveScreenshot } from "../helpers/browser/chromium"
import { envNames, readmeBlock } from "./lib/readme-blocks"
import { freePort, loggedErrors, run, Server, startServer, Timings, waitForHttp } from "./lib/processes"

/**
 * The merchant's stack, as a new user builds it from the README alone: the plugin packed with
 * `npm pack`, installed as a tarball into a Medusa app whose `.npmrc`, `medusa-config.ts` and
 * environment come from the README's install section, migrated, built and started; and a Next.js
 * App Router storefront installing the packed widgets, server-rendering and hydrating them in
 * headless Chromium, where a customer buys an offer.
 */
jest.setTimeout(20 * 60_000)

const repoRoot = path.resolve(__dirname, "../..")
const lock = JSON.parse(fs.readFileSync(path.join(repoRoot, "package-lock.json"), "utf8"))
const versionOf = (name: string): string => lock.packages[`node_modules/${name}`].version

// What Medusa's starter has (package.json and tsconfig.json); the README adds the rest.
const STARTER_DEPENDENCIES = ["@medusajs/admin-sdk", "@medusajs/cli", "@medusajs/framework", "@medusajs/medusa", "@medusajs/payment-stripe"]
const STARTER_DEV_DEPENDENCIES = ["@swc/core", "@types/node", "ts-node", "typescript"]
const STARTER_TSCONFIG = {
  compilerOptions: {
    target: "ES2021",
    esModuleInterop: true,
    module: "Node16",
    moduleResolution: "Node16",
    emitDecoratorMetadata: true,
    experimentalDecorators: true,
    skipLibCheck: true,
    skipDefaultLibCheck: true,
    declaration: false,
    sourceMap: false,
    inlineSourceMap: true,
    outDir: "./.medusa/server",
    rootDir: "./",
    jsx: "react-jsx",
    forceConsistentCasingInFileNames: true,
    resolveJsonModule: true,
    checkJs: false,
    strictNullChecks: true,
  },
  "ts-node": { swc: true },
  include: ["**/*", ".medusa/types/*"],
  exclude: ["node_modules", ".medusa/server", ".medusa/admin", ".cache"],
}

const ADMIN_EMAIL = "organizer@stack.test"
const CUSTOMER_EMAIL = "fan@stack.test"
const PASSWORD = `pw-${randomBytes(6).toString("hex")}`
const CUSTOMER_TOKEN_KEY = "stack_customer_token" // integration-tests/stack/storefront/app/providers.tsx

/** The outer `npm test` leaks npm_* settings and jest's NODE_OPTIONS; the merchant's shell has neither. */
function cleanEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {}
  for (const [key, value] of Object.entries(process.env)) {
    if (key.startsWith("npm_") || key.startsWith("JEST_") || ["NODE_OPTIONS", "REDIS_URL", "LOG_LEVEL"].includes(key)) continue
    env[key] = value
  }
  return { ...env, MEDUSA_DISABLE_TELEMETRY: "true", NEXT_TELEMETRY_DISABLED: "1", CI: "true" }
}

function adminDatabaseUrl(database: string) {
  const user = encodeURIComponent(process.env.DB_USERNAME || "postgres")
  const password = process.env.DB_PASSWORD ? `:${encodeURIComponent(process.env.DB_PASSWORD)}` : ""
  return `postgres://${user}${password}@${process.env.DB_HOST || "localhost"}:${process.env.DB_PORT || 5432}/${database}`
}

async function onPostgres(sql: string, database = "postgres") {
  const client = new Client({ connectionString: adminDatabaseUrl(database) })
  await client.connect()
  try {
    return (await client.query(sql)).rows
  } finally {
    await client.end()
  }
}

async function json<T = any>(res: Response): Promise<T> {
  const text = await res.text()
  if (!res.ok) {
    throw new Error(`${res.url} → ${res.status}: ${text.slice(0, 500)}`)
  }
  return JSON.parse(text) as T
}

type Seed = {
  publishableKey: string
  eventId: string
  sessionId: string
  offerId: string
  adId: string
  testId: string
}

describe("the merchant's stack: packed plugin in a Medusa app from the README, Next.js storefront with the widgets", () => {
  const timings = new Timings()
  const work = fs.mkdtempSync(path.join(os.tmpdir(), "monetization-stack-"))
  const logs = path.join(repoRoot, ".test-artifacts", "stack")
  const appDir = path.join(work, "app")
  const storefrontDir = path.join(work, "storefront")
  const database = `stack_${randomBytes(4).toString("hex")}`
  const servers: Server[] = []
  let databaseCreated = false
  let stripe: FakeStripeApi | undefined
  let browser: Browser | undefined

  let backendUrl = ""
  let storefrontUrl = ""
  let appEnv: NodeJS.ProcessEnv = {}
  let migrateOutput = ""
  let adminToken = ""
  let seed: Seed

  const admin = (route: string, init: RequestInit = {}) =>
    fetch(`${backendUrl}${route}`, {
      ...init,
      headers: { "content-type": "application/json", authorization: `Bearer ${adminToken}`, ...(init.headers ?? {}) },
    })
  const adminPost = <T = any>(route: string, body: unknown) => admin(route, { method: "POST", body: JSON.stringify(body) }).then((r) => json<T>(r))

  async function npmPack(dir: string): Promise<string> {
    const output = await run("npm", ["pack", "--pack-destination", work], {
      cwd: dir,
      env: cleanEnv(),
      log: path.join(logs, `pack-${path.basename(dir)}.log`),
      timeoutMs: 8 * 60_000,
    })
    const file = output.trim().split("\n").reverse().find((line) => line.trim().endsWith(".tgz"))
    if (!file) throw new Error(`npm pack in ${dir} printed no tarball name`)
    return path.join(work, file.trim())
  }

  async function scaffoldApp(pluginTarball: string) {
    fs.mkdirSync(appDir, { recursive: true })
    const pick = (names: string[]) => Object.fromEntries(names.map((name) => [name, versionOf(name)]))
    fs.writeFileSync(
      path.join(appDir, "package.json"),
      JSON.stringify(
        {
          name: "stack-medusa-app",
          private: true,
          version: "0.0.0",
          scripts: { build: "medusa build", start: "medusa start" },
          dependencies: pick(STARTER_DEPENDENCIES),
          devDependencies: pick(STARTER_DEV_DEPENDENCIES),
        },
        null,
        2
      )
    )
    fs.writeFileSync(path.join(appDir, "tsconfig.json"), JSON.stringify(STARTER_TSCONFIG, null, 2))
    // From the README, as written there.
    fs.writeFileSync(path.join(appDir, ".npmrc"), readmeBlock("npmrc"))
    fs.writeFileSync(path.join(appDir, "medusa-config.ts"), readmeBlock("medusa-config"))
    await run("npm", ["install", "--prefer-offline", "--no-audit", "--no-fund", pluginTarball], {
      cwd: appDir,
      env: cleanEnv(),
      log: path.join(logs, "app-npm-install.log"),
      timeoutMs: 10 * 60_000,
    })
  }

  const medusa = (args: string[], log: string, cwd = appDir) =>
    run(path.join(appDir, "node_modules/.bin/medusa"), args, { cwd, env: appEnv, log: path.join(logs, log), timeoutMs: 10 * 60_000 })

  async function buildStorefront(widgetsTarball: string) {
    fs.cpSync(path.join(__dirname, "storefront"), storefrontDir, {
      recursive: true,
      filter: (source) => !/[/\\](node_modules|\.next)([/\\]|$)/.test(source),
    })
    await run("npm", ["install", "--prefer-offline", "--no-audit", "--no-fund", widgetsTarball], {
      cwd: storefrontDir,
      env: cleanEnv(),
      log: path.join(logs, "storefront-npm-install.log"),
      timeoutMs: 8 * 60_000,
    })
    await run(path.join(storefrontDir, "node_modules/.bin/next"), ["build"], {
      cwd: storefrontDir,
      env: cleanEnv(),
      log: path.join(logs, "next-build.log"),
      timeoutMs: 8 * 60_000,
    })
  }

  async function seedThroughAdminApi(): Promise<Seed> {
    const { token } = await json<{ token: string }>(
      await fetch(`${backendUrl}/auth/user/emailpass`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ email: ADMIN_EMAIL, password: PASSWORD }),
      })
    )
    adminToken = token
    const { sales_channel } = await adminPost("/admin/sales-channels", { name: "Tickets" })
    const { api_key } = await adminPost("/admin/api-keys", { title: "Storefront", type: "publishable" })
    await adminPost(`/admin/api-keys/${api_key.id}/sales-channels`, { add: [sales_channel.id] })
    const { region } = await adminPost("/admin/regions", { name: "Europe", currency_code: "eur", countries: ["de"] })
    // The README's step 6: enable the provider on the region.
    await adminPost(`/admin/regions/${region.id}`, { payment_providers: ["pp_stripe_stripe"] })
    const { stock_location } = await adminPost("/admin/stock-locations", { name: "Venue" })
    await adminPost(`/admin/stock-locations/${stock_location.id}/sales-channels`, { add: [sales_channel.id] })

    const product = async (title: string, option: string, price: number, stock: number) => {
      const created = await adminPost("/admin/products", {
        title,
        status: "published",
        options: [{ title: "Variant", values: [option] }],
        variants: [{ title: option, manage_inventory: true, options: { Variant: option }, prices: [{ amount: price, currency_code: "eur" }] }],
        sales_channels: [{ id: sales_channel.id }],
      })
      const { product: read } = await json(
        await admin(`/admin/products/${created.product.id}?fields=id,variants.id,variants.inventory_items.inventory_item_id`)
      )
      const variant = read.variants[0]
      await adminPost(`/admin/inventory-items/${variant.inventory_items[0].inventory_item_id}/location-levels`, {
        location_id: stock_location.id,
        stocked_quantity: stock,
      })
      return { productId: read.id as string, variantId: variant.id as string }
    }
    // An event is a product; a session is one of its variants (README, "What the plugin calls an event and a session").
    const event = await product("Summer Stack Conference", "Main hall", 25, 100)
    const shirt = await product("Stack T-Shirt", "One size", 30, 50)

    const { offer } = await adminPost("/admin/offers", {
      event_id: event.productId,
      variant_id: shirt.variantId,
      title: "Stack T-Shirt",
      offer_type: "MERCHANDISE",
      price: 19,
      original_price: 30,
      currency_code: "eur",
      placement: "IN_EVENT",
      is_active: true,
      inventory_total: 10,
      requires_ticket: false,
    })
    const { ad } = await adminPost("/admin/ads", {
      event_id: event.productId,
      name: "Stack Sponsor",
      content_type: "BANNER",
      media_url: `${storefrontUrl}/sponsor.svg`,
      click_url: "https://sponsor.example.com/",
      placements: ["EVENT_HERO"],
    })
    const testId = "stack-headline"
    await adminPost("/admin/ab-tests", {
      test_id: testId,
      event_id: event.productId,
      name: "Headline",
      variants: [
        { id: "control", name: "Summer Stack Conference", weight: 1 },
        { id: "bold", name: "Summer Stack Conference: two days, one stack", weight: 1 },
      ],
    })
    await adminPost(`/admin/ab-tests/${testId}/start`, {})
    return {
      publishableKey: api_key.token,
      eventId: event.productId,
      sessionId: event.variantId,
      offerId: offer.id,
      adId: ad.id,
      testId,
    }
  }

  beforeAll(async () => {
    fs.rmSync(logs, { recursive: true, force: true })
    fs.mkdirSync(logs, { recursive: true })
    const [backendPort, storefrontPort] = [await freePort(), await freePort()]
    backendUrl = `http://localhost:${backendPort}`
    storefrontUrl = `http://localhost:${storefrontPort}`
    stripe = await startFakeStripeApi()
    await onPostgres(`CREATE DATABASE "${database}"`)
    databaseCreated = true

    // Values for the README's environment block; a name it lists that has none here fails the test.
    const values: Record<string, string> = {
      DATABASE_URL: adminDatabaseUrl(database),
      STRIPE_API_KEY: "sk_test_stack",
      STRIPE_WEBHOOK_SECRET: "whsec_stack",
      JWT_SECRET: randomBytes(24).toString("hex"),
      COOKIE_SECRET: randomBytes(24).toString("hex"),
      STORE_CORS: storefrontUrl,
      ADMIN_CORS: backendUrl,
      AUTH_CORS: `${storefrontUrl},${backendUrl}`,
    }
    const readmeEnv: Record<string, string> = {}
    for (const name of envNames(readmeBlock("env"))) {
      if (!(name in values)) throw new Error(`README's env block lists ${name}: give the stack test a value for it`)
      readmeEnv[name] = values[name]
    }
    appEnv = { ...cleanEnv(), ...readmeEnv }

    // Two chains side by side: the storefront needs only the widgets' tarball, the app only the plugin's.
    const storefrontChain = (async () => {
      const tarball = await timings.time("widgets: npm pack (prepack → tsc)", () => npmPack(path.join(repoRoot, "storefront-widgets")))
      await timings.time("storefront: npm install + next build", () => buildStorefront(tarball))
    })()
    const appChain = (async () => {
      const tarball = await timings.time("plugin: npm pack (prepack → plugin:build)", () => npmPack(repoRoot))
      await timings.time("app: scaffold + npm install <tarball>", () => scaffoldApp(tarball))
      // medusa build needs no database; the migration needs no build.
      await Promise.all([
        timings.time("app: medusa build", () => medusa(["build"], "medusa-build.log")),
        timings.time("app: medusa db:migrate + medusa user", async () => {
          migrateOutput = await medusa(["db:migrate"], "db-migrate.log")
          await medusa(["user", "-e", ADMIN_EMAIL, "-p", PASSWORD], "medusa-user.log")
        }),
      ])
    })()
    const settled = await Promise.allSettled([storefrontChain, appChain])
    const failed = settled.find((s): s is PromiseRejectedResult => s.status === "rejected")
    if (failed) throw failed.reason

    await timings.time("app: medusa start → /health", async () => {
      // Medusa's docs run the build from .medusa/server after `npm install` there; the same packages
      // are already in the app, so they are linked rather than installed a second time.
      const serverDir = path.join(appDir, ".medusa/server")
      fs.symlinkSync(path.join(appDir, "node_modules"), path.join(serverDir, "node_modules"), "dir")
      const server = startServer(path.join(serverDir, "node_modules/.bin/medusa"), ["start", "--port", String(backendPort)], {
        cwd: serverDir,
        env: {
          ...appEnv,
          NODE_ENV: "production",
          NODE_OPTIONS: `--require ${path.join(__dirname, "lib/stripe-offline.cjs")}`,
          STACK_FAKE_STRIPE_PORT: String(stripe!.port),
        },
        log: path.join(logs, "medusa-start.log"),
      })
      servers.push(server)
      await waitForHttp(`${backendUrl}/health`, server, 3 * 60_000)
    })

    seed = await timings.time("seed through the admin API", seedThroughAdminApi)

    await timings.time("storefront: next start", async () => {
      const server = startServer(path.join(storefrontDir, "node_modules/.bin/next"), ["start", "--port", String(storefrontPort)], {
        cwd: storefrontDir,
        env: {
          ...cleanEnv(),
          MEDUSA_BACKEND_URL: backendUrl,
          MEDUSA_PUBLISHABLE_KEY: seed.publishableKey,
          STACK_EVENT_ID: seed.eventId,
          STACK_SESSION_ID: seed.sessionId,
        },
        log: path.join(logs, "next-start.log"),
      })
      servers.push(server)
      await waitForHttp(`${storefrontUrl}/sponsor.svg`, server, 2 * 60_000)
    })
  })

  afterAll(async () => {
    console.log(timings.report())
    await browser?.close()
    for (const server of servers.reverse()) {
      await server.stop().catch(() => undefined)
    }
    await stripe?.close().catch(() => undefined)
    if (databaseCreated) {
      await onPostgres(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`).catch((e) => console.error(`drop ${database}: ${e.message}`))
    }
    // Two installs (~1 GB, 100k files): removed by a detached `rm` so the run does not wait on the disk.
    spawn("rm", ["-rf", work], { detached: true, stdio: "ignore" }).unref()
  })

  it("installs the plugin as a copy (install-links), with its build", () => {
    const installed = path.join(appDir, "node_modules/medusa-plugin-event-monetization")
    expect(fs.lstatSync(installed).isSymbolicLink()).toBe(false)
    expect(fs.existsSync(path.join(installed, ".medusa/server/src/modules/offer/index.js"))).toBe(true)
  })

  it("migrates without logging an error, the plugin's tables included", async () => {
    expect(loggedErrors(migrateOutput)).toEqual([])
    const tables = await onPostgres(
      "SELECT table_name FROM information_schema.tables WHERE table_name LIKE 'monetization_%' ORDER BY table_name",
      database
    )
    expect(tables.map((t) => t.table_name)).toEqual(
      expect.arrayContaining(["monetization_offer", "monetization_offer_hold", "monetization_ad", "monetization_ab_experiment", "monetization_waitlist_entry", "monetization_event"])
    )
  })

  it("builds the admin with the plugin's pages", () => {
    const assets = path.join(appDir, ".medusa/server/public/admin/assets")
    const bundle = fs
      .readdirSync(assets)
      .filter((file) => file.endsWith(".js"))
      .map((file) => fs.readFileSync(path.join(assets, file), "utf8"))
      .join("\n")
    for (const route of ["/offers", "/ads", "/experiments", "/waitlists", "/monetization", "/analytics"]) {
      expect(bundle).toContain(`path:"${route}"`)
    }
    expect(bundle).toContain("Declare winner")
  })

  it("answers a store route and an admin route", async () => {
    const store = await fetch(`${backendUrl}/store/events/${seed.eventId}/offers`, {
      headers: { "x-publishable-api-key": seed.publishableKey },
    })
    expect(store.status).toBe(200)
    expect((await store.json()).offers.map((o: { id: string }) => o.id)).toEqual([seed.offerId])

    const ads = await admin(`/admin/ads/${seed.adId}`)
    expect(ads.status).toBe(200)
    const page = await fetch(`${backendUrl}/app`)
    expect(page.status).toBe(200)
  })

  it("server-renders the widgets' markup", async () => {
    const html = await (await fetch(storefrontUrl)).text()
    // The offers were fetched by the server component and hydrated into <OfferList>.
    expect(html).toContain(`data-offer-id="${seed.offerId}"`)
    expect(html).toContain("Stack T-Shirt")
    // Logged out on the server (the customer's token is the browser's), like the first client render.
    expect(html).toContain("Log in to join the waitlist.")
    expect(html).toMatch(/<h1 class="stack-headline" data-variant="">Summer Stack Conference<\/h1>/)
  })

  it("hydrates without console errors, and a customer buys the offer from the page", async () => {
    const storeHeaders = { "content-type": "application/json", "x-publishable-api-key": seed.publishableKey }
    const { token: registration } = await json(
      await fetch(`${backendUrl}/auth/customer/emailpass/register`, {
        method: "POST",
        headers: storeHeaders,
        body: JSON.stringify({ email: CUSTOMER_EMAIL, password: PASSWORD }),
      })
    )
    await json(
      await fetch(`${backendUrl}/store/customers`, {
        method: "POST",
        headers: { ...storeHeaders, authorization: `Bearer ${registration}` },
        body: JSON.stringify({ email: CUSTOMER_EMAIL }),
      })
    )
    const { token } = await json(
      await fetch(`${backendUrl}/auth/customer/emailpass`, {
        method: "POST",
        headers: storeHeaders,
        body: JSON.stringify({ email: CUSTOMER_EMAIL, password: PASSWORD }),
      })
    )

    browser = await launchChromium()
    const { page } = browser
    const problems: PageProblem[] = collectPageProblems(page)
    await page.addInitScript(([key, value]) => window.localStorage.setItem(key, value), [CUSTOMER_TOKEN_KEY, token] as const)

    try {
      await page.goto(storefrontUrl, { waitUntil: "networkidle" })
      // After hydration: the viewer's ad, the A/B variant and the logged-in waitlist button.
      await page.locator(`.stack-ad[data-ad-id="${seed.adId}"] img`).waitFor({ timeout: 30_000 })
      await page.locator(`.stack-headline:not([data-variant=""])`).waitFor({ timeout: 30_000 })
      await page.getByRole("button", { name: "Join waitlist" }).waitFor({ timeout: 30_000 })

      const card = page.locator(`[data-offer-id="${seed.offerId}"]`)
      await card.getByRole("button", { name: "Add" }).click()
      await card.getByRole("button", { name: "Added" }).waitFor({ timeout: 60_000 })
    } finally {
      await saveScreenshot(page, "merchant-stack-storefront").catch(() => undefined)
    }

    const { offer } = await json(await admin(`/admin/offers/${seed.offerId}`))
    expect(offer.inventory.reserved).toBe(1)
    // The checkout opened a payment session with the provider enabled on the region.
    expect([...stripe!.intents.values()]).toHaveLength(1)

    // A customer not yet on the waitlist reads its entry as a 404: the browser logs that fetch, nothing else.
    const unexpected = problems.filter(
      (p) => !(p.kind === "console" && /status of 404/.test(p.text) && p.url?.includes(`/store/sessions/${seed.sessionId}/waitlist`))
    )
    expect(unexpected).toEqual([])
  })
})
