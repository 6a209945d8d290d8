import fs from "fs"
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { adminHeaders } from "../helpers/auth"
import { buildAdminEarly, logInToAdmin, monetizationSidebarLink, useAdminSession } from "../helpers/browser/admin-session"
import { collectPageProblems, saveScreenshot } from "../helpers/browser/chromium"
import { createStoreSetup, storeHeaders } from "../helpers/store-setup"
import { createTicketProduct } from "../helpers/ticket-product"
import { offerBody } from "../http/offers/fixtures"
import { recordServerEvents, splitClientAndServer } from "../helpers/server-events"

// Generous: on a 2-core machine the app boot shares the CPU with the admin build on a cold cache.
jest.setTimeout(240_000)

// helpers/auth.ts registers admins with this password.
const ADMIN_EMAIL = "browser-analytics@test.dev"
const ADMIN_PASSWORD = "supersecret"
const EVENT_TITLE = "Browser Analytics Fest"
const DAY_MS = 86_400_000

const adminBuild = buildAdminEarly()

let seq = 0
const events = (count: number, type: string, entityId: string, eventId: string, daysAgo: number) =>
  Array.from({ length: count }, () => ({
    id: `browser_analytics_${++seq}`,
    type,
    entityId,
    event_id: eventId,
    session_token: `sess_analytics_${seq % 7}`,
    // Noon UTC of a past day: inside the default "last 30 days" whatever the hour of the run.
    timestamp: new Date(Math.floor(Date.now() / DAY_MS) * DAY_MS - daysAgo * DAY_MS + DAY_MS / 2).toISOString(),
  }))

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    const session = useAdminSession(api, adminBuild)

    describe("Admin: /app/monetization/analytics and the product widget", () => {
      it("shows an event's KPIs, revenue chart and top tables, and exports CSV, without console errors", async () => {
        const { page } = session.browser
        const problems = collectPageProblems(page)
        const container = getContainer()

        const admin = await adminHeaders(api, container, ADMIN_EMAIL)
        const setup = await createStoreSetup(container, { withStripe: false })
        // Listed first by title, and without data: the page must not open on it.
        await createTicketProduct(container, setup, { title: "Aardvark Expo (no data yet)" })
        const event = await createTicketProduct(container, setup, { title: EVENT_TITLE })
        const eventId = event.productId
        // Top performers are the event's own offers and ads: the VIP offer exists, the shirt's id is made up.
        const merch = await createTicketProduct(container, setup, { title: "Browser merch" })
        const vip = (await api.post("/admin/offers", offerBody(eventId, merch.variantId, { title: "VIP lounge upgrade" }), admin)).data.offer
        // Ads with price models, so the dashboard reports ad revenue (CPM on impressions, CPC on clicks).
        const adService = container.resolve("ad") as {
          createAds: (data: Record<string, unknown>[]) => Promise<{ id: string }[]>
        }
        const ad = (name: string, pricing_model: string, rate: number) => ({
          event_id: eventId,
          name,
          content_type: "BANNER",
          media_url: "https://cdn.example.com/ad.png",
          click_url: "https://sponsor.example.com",
          placements: ["EVENT_HERO"],
          target_sessions: [],
          pricing_model,
          rate,
          currency_code: "eur",
        })
        const [cpm, cpc] = await adService.createAds([ad("CPM banner", "CPM", 1000), ad("CPC banner", "CPC", 2)])

        const batch = [
          ...events(6, "OFFER_VIEW", vip.id, eventId, 3),
          ...events(2, "OFFER_CLICK", vip.id, eventId, 3),
          ...events(2, "OFFER_PURCHASE", vip.id, eventId, 3),
          ...events(4, "OFFER_VIEW", "moff_browser_shirt", eventId, 2),
          ...events(8, "AD_IMPRESSION", cpm.id, eventId, 4),
          ...events(5, "AD_VIEWABLE_IMPRESSION", cpm.id, eventId, 4),
          ...events(1, "AD_CLICK", cpm.id, eventId, 4),
          ...events(4, "AD_IMPRESSION", cpc.id, eventId, 1),
          ...events(3, "AD_CLICK", cpc.id, eventId, 1),
          ...events(3, "WAITLIST_JOIN", "variant_browser_session", eventId, 2),
          ...events(1, "WAITLIST_OFFER_ACCEPT", "variant_browser_session", eventId, 1),
        ]
        // Views and clicks come from the storefront; purchases, ad delivery and waitlist actions are server facts.
        const { client, server } = splitClientAndServer(batch)
        const tracked = await api.post("/store/analytics/track", { events: client }, storeHeaders(setup))
        expect(tracked.status).toBe(202)
        expect(tracked.data).toMatchObject({ accepted: client.length, rejected: [] })
        expect((await recordServerEvents(container, server)).accepted).toBe(server.length)
        const { data: expected } = await api.get(`/admin/analytics/events/${eventId}/monetization`, admin)
        expect(expected.offers.total_views).toBe(10)
        expect(expected.ads.total_impressions).toBe(12)

        await logInToAdmin(page, session.server.url, ADMIN_EMAIL, ADMIN_PASSWORD)

        const sidebarLink = await monetizationSidebarLink(page, "/monetization/analytics")
        await expect(sidebarLink.innerText()).resolves.toContain("Analytics")
        await sidebarLink.click()
        // Opens on the event with the latest server-recorded data, not the first product.
        await page.waitForURL((url) => url.pathname === "/app/monetization/analytics" && url.searchParams.get("event_id") === eventId)
        await page.getByTestId("monetization-dashboard").and(page.locator(`[data-event-id="${eventId}"]`)).waitFor()

        // The event selector lists products; picking one loads its dashboard.
        const analytics = page.getByTestId("analytics-page")
        await analytics.getByTestId("event-select").click()
        await page.getByRole("option", { name: EVENT_TITLE }).click()
        await page.waitForURL((url) => url.pathname === "/app/monetization/analytics" && url.searchParams.get("event_id") === eventId)
        const dashboard = analytics.getByTestId("monetization-dashboard")
        await dashboard.getByTestId("kpi-offers").waitFor({ timeout: 20_000 })

        const kpi = (id: string) => dashboard.getByTestId(id).innerText()
        await expect(kpi("kpi-offers-views")).resolves.toBe("10")
        await expect(kpi("kpi-offers-purchases")).resolves.toBe(String(expected.offers.total_purchases))
        await expect(kpi("kpi-offers-primary")).resolves.toBe(`${expected.offers.conversion_rate.toFixed(2)}% conversion`)
        await expect(kpi("kpi-ads-impressions")).resolves.toBe("12")
        await expect(kpi("kpi-ads-viewable")).resolves.toBe(String(expected.ads.total_viewable_impressions))
        await expect(kpi("kpi-ads-clicks")).resolves.toBe("4")
        await expect(kpi("kpi-ads-primary")).resolves.toBe(`${expected.ads.average_ctr.toFixed(2)}% CTR`)
        await expect(kpi("kpi-waitlist-joins")).resolves.toBe("3")
        expect(expected.revenue.from_ads).toBeGreaterThan(0)
        await expect(kpi("kpi-revenue-primary")).resolves.toContain(expected.revenue.total.toFixed(2))

        // The chart: one point per day of the default 30-day range, drawn as an area.
        const chart = dashboard.getByTestId("monetization-revenue-chart")
        await chart.locator(".recharts-surface").first().waitFor({ timeout: 20_000 })
        await chart.locator(".recharts-area-curve").first().waitFor({ timeout: 20_000 })
        await expect(dashboard.getByTestId("monetization-top-offers").innerText()).resolves.toContain("VIP lounge upgrade")
        await expect(dashboard.getByTestId("monetization-top-ads").innerText()).resolves.toContain("CPM banner")
        const screenshot = await saveScreenshot(page, "admin-analytics")

        // CSV export: fetched with the session cookie and handed to the browser as a download.
        const exported = page.waitForResponse((response) => response.url().includes(`/monetization/export?`))
        const download = page.waitForEvent("download")
        await dashboard.getByTestId("monetization-export").click()
        const response = await exported
        expect(response.status()).toBe(200)
        expect(response.headers()["content-type"]).toContain("text/csv")
        const file = await download
        expect(file.suggestedFilename()).toMatch(/^monetization-.*\.csv$/)
        const csv = fs.readFileSync((await file.path())!, "utf8").split("\r\n")
        expect(csv[0]).toContain("OFFER_VIEW")
        // A header and one row per day of the default 30-day range.
        expect(csv.filter(Boolean)).toHaveLength(31)

        // The same dashboard sits on the event's product page.
        await page.goto(`${session.server.url}/app/products/${eventId}`)
        const widget = page.getByTestId("monetization-dashboard")
        await widget.getByTestId("kpi-offers-views").waitFor({ timeout: 30_000 })
        await expect(widget.getByTestId("kpi-offers-views").innerText()).resolves.toBe("10")
        await widget.getByTestId("monetization-revenue-chart").locator(".recharts-surface").first().waitFor()
        // The admin scrolls an inner container, so a full-page screenshot only shows what is in view.
        await widget.scrollIntoViewIfNeeded()
        await saveScreenshot(page, "admin-product-monetization-widget")
        process.stdout.write(`[browser] screenshots in ${screenshot.replace(/[^/]+$/, "")}\n`)

        expect(problems).toEqual([])
      })
    })
  },
})
