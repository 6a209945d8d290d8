import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { adminHeaders } from "../helpers/auth"
import { AdminBuild, ensureAdminBuild } from "../helpers/browser/admin-build"
import { AdminServer, startAdminServer } from "../helpers/browser/admin-server"
import { Browser, collectPageProblems, launchChromium, saveScreenshot } from "../helpers/browser/chromium"
import { createStoreSetup, storeHeaders } from "../helpers/store-setup"

// Generous: on a 2-core machine the app boot shares the CPU with the admin build on a cold cache.
jest.setTimeout(180_000)

// helpers/auth.ts registers admins with this password.
const ADMIN_EMAIL = "browser-admin@test.dev"
const ADMIN_PASSWORD = "supersecret"

let adminBuild: Promise<AdminBuild>

// Started before the runner boots Medusa and awaited after: the build and the migrations overlap.
beforeAll(() => {
  adminBuild = ensureAdminBuild()
  adminBuild.catch(() => undefined)
})

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let server: AdminServer
    let browser: Browser

    beforeAll(async () => {
      const build = await adminBuild
      process.stdout.write(`[browser] admin build ${build.rebuilt ? "rebuilt" : "reused"} in ${build.ms} ms\n`)
      server = await startAdminServer({ adminDir: build.dir, apiBaseUrl: api.defaults.baseURL! })
      browser = await launchChromium()
    }, 900_000)

    afterAll(async () => {
      await browser?.close()
      await server?.close()
    })

    describe("Admin: /app/monetization", () => {
      it("logs in through the form, lists tracked events, filters by type, without console errors", async () => {
        const { page } = browser
        const problems = collectPageProblems(page)

        await adminHeaders(api, getContainer(), ADMIN_EMAIL)
        const setup = await createStoreSetup(getContainer())
        const now = Date.now()
        const tracked = await api.post(
          "/store/analytics/track",
          {
            events: [
              {
                id: "evt_browser_view_1",
                type: "OFFER_VIEW",
                entityId: "moff_browser_1",
                event_id: "prod_browser_event",
                session_token: "sess_browser",
                timestamp: new Date(now - 120_000).toISOString(),
              },
              {
                id: "evt_browser_click_1",
                type: "AD_CLICK",
                entityId: "mad_browser_1",
                event_id: "prod_browser_event",
                session_token: "sess_browser",
                timestamp: new Date(now - 60_000).toISOString(),
              },
            ],
          },
          storeHeaders(setup)
        )
        expect(tracked.data.accepted).toBe(2)

        await page.goto(`${server.url}/app/login`)
        await page.locator('input[name="email"]').fill(ADMIN_EMAIL)
        await page.locator('input[name="password"]').fill(ADMIN_PASSWORD)
        await page.locator('button[type="submit"]').click()
        await page.waitForURL((url) => !url.pathname.startsWith("/app/login"), { timeout: 20_000 })

        const sidebarLink = page.locator('a[href="/app/monetization"]').first()
        await sidebarLink.waitFor({ timeout: 20_000 })
        await expect(sidebarLink.innerText()).resolves.toContain("Monetization")
        await sidebarLink.click()
        await page.waitForURL(`${server.url}/app/monetization`)

        const eventLog = page.getByTestId("monetization-events")
        const rows = eventLog.locator("tbody tr")
        await eventLog.getByText("mad_browser_1").waitFor({ timeout: 20_000 })
        await expect(rows.count()).resolves.toBe(2)
        // Newest first: the click (one minute ago) above the view (two minutes ago).
        await expect(rows.nth(0).innerText()).resolves.toContain("AD_CLICK")
        await expect(rows.nth(1).innerText()).resolves.toContain("moff_browser_1")
        await saveScreenshot(page, "admin-monetization")

        await eventLog.locator('[aria-haspopup="menu"]').click()
        await page.getByRole("menuitem", { name: "Type" }).click()
        const filtered = page.waitForResponse(
          (response) => response.url().includes("/admin/monetization-events?") && response.url().includes("type")
        )
        await page.getByRole("button", { name: "AD_CLICK" }).click()
        expect((await filtered).status()).toBe(200)
        await page.keyboard.press("Escape")
        await eventLog.getByText("moff_browser_1").waitFor({ state: "detached", timeout: 20_000 })
        await expect(rows.count()).resolves.toBe(1)
        await expect(rows.nth(0).innerText()).resolves.toContain("mad_browser_1")
        const screenshot = await saveScreenshot(page, "admin-monetization-filtered")
        process.stdout.write(`[browser] screenshots in ${screenshot.replace(/[^/]+$/, "")}\n`)

        expect(problems).toEqual([])
      })
    })
  },
})
