import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { adminHeaders } from "../helpers/auth"
import { buildAdminEarly, logInToAdmin, useAdminSession } from "../helpers/browser/admin-session"
import { collectPageProblems, saveScreenshot } from "../helpers/browser/chromium"
import { createStoreSetup, storeHeaders } from "../helpers/store-setup"
import { recordServerEvents } from "../helpers/server-events"

// Generous: on a 2-core machine the app boot shares the CPU with the admin build on a cold cache.
jest.setTimeout(180_000)

// helpers/auth.ts registers admins with this password.
const ADMIN_EMAIL = "browser-admin@test.dev"
const ADMIN_PASSWORD = "supersecret"

const adminBuild = buildAdminEarly()

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    const session = useAdminSession(api, adminBuild)

    describe("Admin: /app/monetization", () => {
      it("logs in through the form, lists tracked events, filters by type, without console errors", async () => {
        const { page } = session.browser
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
            ],
          },
          storeHeaders(setup)
        )
        // An ad click is a server fact (the click route records it); storefronts may not report one.
        const recorded = await recordServerEvents(getContainer(), [
          {
            id: "evt_browser_click_1",
            type: "AD_CLICK",
            entityId: "mad_browser_1",
            event_id: "prod_browser_event",
            session_token: "sess_browser",
            timestamp: new Date(now - 60_000).toISOString(),
          },
        ])
        expect(recorded.accepted).toBe(1)
        expect(tracked.data.accepted).toBe(1)

        await logInToAdmin(page, session.server.url, ADMIN_EMAIL, ADMIN_PASSWORD)

        const sidebarLink = page.locator('a[href="/app/monetization"]').first()
        await sidebarLink.waitFor({ timeout: 20_000 })
        await expect(sidebarLink.innerText()).resolves.toContain("Monetization")
        await sidebarLink.click()
        await page.waitForURL(`${session.server.url}/app/monetization`)

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
