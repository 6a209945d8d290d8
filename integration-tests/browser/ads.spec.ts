import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { adminHeaders } from "../helpers/auth"
import { buildAdminEarly, logInToAdmin, monetizationSidebarLink, useAdminSession } from "../helpers/browser/admin-session"
import { collectPageProblems, saveScreenshot } from "../helpers/browser/chromium"
import { BANNER_PNG_WIDTH, MediaServer, startMediaServer } from "../helpers/browser/media-server"
import { createStoreSetup, storeHeaders } from "../helpers/store-setup"
import { createTicketProduct } from "../helpers/ticket-product"
import { BROWSER_UA, impression } from "../http/ads/fixtures"

// Generous: on a 2-core machine the app boot shares the CPU with the admin build on a cold cache.
jest.setTimeout(240_000)

// helpers/auth.ts registers admins with this password.
const ADMIN_EMAIL = "browser-ads@test.dev"
const ADMIN_PASSWORD = "supersecret"
const EVENT_TITLE = "Browser Ads Fest"
const AD_NAME = "Main stage banner"

const adminBuild = buildAdminEarly()

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    const session = useAdminSession(api, adminBuild)
    let media: MediaServer
    beforeAll(async () => {
      media = await startMediaServer()
    })
    afterAll(async () => {
      await media?.close()
    })

    describe("Admin: /app/monetization/ads", () => {
      it("creates an ad with a live preview, shows its delivery stats, edits, filters and archives it", async () => {
        const { page } = session.browser
        const problems = collectPageProblems(page)
        const container = getContainer()
        const admin = await adminHeaders(api, container, ADMIN_EMAIL)
        const setup = await createStoreSetup(container, { withStripe: false })
        const event = await createTicketProduct(container, setup, { title: EVENT_TITLE })
        const bannerUrl = `${media.url}/banner.png`
        const adPosts: string[] = []
        page.on("request", (request) => {
          if (request.method() === "POST" && new URL(request.url()).pathname === "/admin/ads") {
            adPosts.push(request.url())
          }
        })

        await logInToAdmin(page, session.server.url, ADMIN_EMAIL, ADMIN_PASSWORD)
        const sidebarLink = await monetizationSidebarLink(page, "/monetization/ads")
        await expect(sidebarLink.innerText()).resolves.toContain("Ads")
        await sidebarLink.click()
        await page.waitForURL(`${session.server.url}/app/monetization/ads`)
        const list = page.getByTestId("ads")
        await list.getByText("No ads yet").waitFor({ timeout: 20_000 })

        // The form: a broken creative, then the real one, previewed as typed.
        await list.getByTestId("ad-create").click()
        const form = page.getByTestId("ad-form")
        await form.waitFor()
        const preview = form.getByTestId("ad-media-preview")
        await expect(preview.getAttribute("data-state")).resolves.toBe("empty")
        await form.locator("#ad-media-url").fill(`${media.url}/not-an-image.png`)
        await form.getByTestId("ad-preview-broken").waitFor({ timeout: 10_000 })
        await expect(preview.getAttribute("data-state")).resolves.toBe("broken")
        await form.locator("#ad-media-url").fill(bannerUrl)
        await form.locator('[data-testid="ad-media-preview"][data-state="loaded"]').waitFor({ timeout: 10_000 })
        const image = form.getByTestId("ad-preview-image")
        await expect(image.getAttribute("src")).resolves.toBe(bannerUrl)
        await expect(image.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).resolves.toBe(BANNER_PNG_WIDTH)

        await form.locator("#ad-name").fill(AD_NAME)
        await form.locator("#ad-sponsor-name").fill("ACME")
        await form.getByTestId("event-select").click()
        await page.getByRole("option", { name: EVENT_TITLE }).click()
        await form.locator("#ad-placement-EVENT_HERO").click()
        await form.locator("#ad-placement-SIDEBAR").click()
        await form.locator("#ad-weight").fill("3")
        await form.locator("#ad-click-url").fill("not a url")
        await form.locator("#ad-starts-at").fill("2025-01-02T10:00")
        await form.locator("#ad-ends-at").fill("2025-01-01T10:00")
        await form.locator("#ad-pricing-model").click()
        await page.getByRole("option", { name: "CPC (per click)" }).click()
        await form.locator("#ad-rate").fill("0.5")

        // Client-side validation stops the request and says why, next to the fields.
        await form.getByTestId("ad-save").click()
        await expect(form.getByTestId("ad-field-error-ad-click-url").innerText()).resolves.toBe(
          "Click URL must be a well-formed http(s) URL"
        )
        await expect(form.getByTestId("ad-field-error-ad-ends-at").innerText()).resolves.toBe("End must be after start")
        expect(adPosts).toEqual([])

        await form.locator("#ad-click-url").fill("https://sponsor.example.com/landing")
        await form.locator("#ad-ends-at").fill("2035-01-01T10:00")
        const created = page.waitForResponse(
          (response) => new URL(response.url()).pathname === "/admin/ads" && response.request().method() === "POST"
        )
        await form.getByTestId("ad-save").click()
        const createdResponse = await created
        expect(createdResponse.status()).toBe(200)
        const ad = (await createdResponse.json()).ad
        expect(ad).toMatchObject({
          name: AD_NAME,
          sponsor_name: "ACME",
          event_id: event.productId,
          content_type: "BANNER",
          media_url: bannerUrl,
          placements: ["EVENT_HERO", "SIDEBAR"],
          weight: 3,
          pricing_model: "CPC",
          rate: 0.5,
          starts_at: new Date("2025-01-02T10:00").toISOString(),
          ends_at: new Date("2035-01-01T10:00").toISOString(),
        })
        await form.waitFor({ state: "hidden" })

        const row = list.locator("tbody tr", { hasText: AD_NAME })
        await row.waitFor({ timeout: 20_000 })
        expect(await row.innerText()).toContain("ACME")
        await expect(row.getByTestId("ad-status").innerText()).resolves.toBe("Live")
        await expect(row.getByTestId("ad-thumbnail").getAttribute("src")).resolves.toBe(bannerUrl)

        // Storefront traffic: 4 valid impressions (2 viewable) and 1 valid click, plus a bot of each.
        const store = { headers: { ...storeHeaders(setup).headers, "user-agent": BROWSER_UA } }
        const bot = { headers: { ...store.headers, "user-agent": "Googlebot/2.1" } }
        // Billable traffic is tied to a serve: the storefront got the ad (and its serve token) first.
        const served = await api.get(
          `/store/ads?event_id=${event.productId}&placement=SIDEBAR&session_token=tok_anon&limit=10`,
          store
        )
        const serve_token = served.data.ads.find((candidate: { id: string }) => candidate.id === ad.id).serve_token
        const impressions = [
          impression(ad.id, { viewable: true, serve_token }),
          impression(ad.id, { viewable: true, serve_token }),
          impression(ad.id, { serve_token }),
          impression(ad.id, { placement: "EVENT_HERO", serve_token }),
        ]
        const recorded = await api.post("/store/ads/impressions", { impressions }, store)
        expect(recorded.data).toMatchObject({ accepted: 4, rejected: [], invalid_traffic: 0 })
        await api.post("/store/ads/impressions", { impressions: [impression(ad.id, { serve_token })] }, bot)
        const click = { session_token: "tok_anon", serve_token }
        expect((await api.post(`/store/ads/${ad.id}/click`, click, store)).status).toBe(200)
        await api.post(`/store/ads/${ad.id}/click`, { ...click, session_token: "tok_bot" }, bot)
        // A rival in the sidebar at weight 1: the banner gets 3/4 of the sidebar rotation and all of the hero.
        await api.post(
          "/admin/ads",
          {
            event_id: event.productId,
            name: "Rival sidebar",
            content_type: "VIDEO",
            media_url: `${media.url}/rival.mp4`,
            click_url: "https://rival.example.com",
            placements: ["SIDEBAR"],
          },
          admin
        )

        await page.reload()
        await row.waitFor({ timeout: 20_000 })
        const stat = (key: string) => row.getByTestId(`ad-stat-${key}`).innerText()
        await expect(stat("impressions")).resolves.toBe("4")
        await expect(stat("viewable_impressions")).resolves.toBe("2")
        await expect(stat("clicks")).resolves.toBe("1")
        await expect(stat("ctr")).resolves.toBe("25.00%")
        await expect(stat("viewable_ctr")).resolves.toBe("50.00%")
        await expect(stat("revenue")).resolves.toMatch(/^€\s?0[.,]50$/)
        const weight = await row.getByTestId("ad-weight").innerText()
        expect(weight).toContain("75% of Sidebar")
        expect(weight).toContain("100% of Event hero")
        await saveScreenshot(page, "admin-ads-list")

        // The report drawer adds the invalid traffic that the list leaves out.
        await row.getByText(AD_NAME).click()
        const report = page.getByTestId("ad-report")
        await report.waitFor()
        await expect(report.getByTestId("ad-report-ivt-impressions").innerText()).resolves.toBe("1")
        await expect(report.getByTestId("ad-report-ivt-clicks").innerText()).resolves.toBe("1")
        await expect(report.getByTestId("ad-report-ivt-impressions-bot_user_agent").innerText()).resolves.toBe("1")
        await expect(report.getByTestId("ad-report-ivt-clicks-bot_user_agent").innerText()).resolves.toBe("1")
        await expect(report.getByTestId("ad-report-revenue").innerText()).resolves.toMatch(/^€\s?0[.,]50$/)
        await page.keyboard.press("Escape")
        await report.waitFor({ state: "hidden" })

        // Edit: the form opens filled in; the new weight changes the rotation share.
        await row.locator("td").last().getByRole("button").click()
        await page.getByRole("menuitem", { name: "Edit" }).click()
        await form.waitFor()
        await expect(form.locator("#ad-name").inputValue()).resolves.toBe(AD_NAME)
        await expect(form.locator("#ad-click-url").inputValue()).resolves.toBe("https://sponsor.example.com/landing")
        await expect(form.getByTestId("ad-preview-image").getAttribute("src")).resolves.toBe(bannerUrl)
        await form.locator("#ad-name").fill(`${AD_NAME} v2`)
        await form.locator("#ad-weight").fill("1")
        const updated = page.waitForResponse(
          (response) => response.url().endsWith(`/admin/ads/${ad.id}`) && response.request().method() === "POST"
        )
        await form.getByTestId("ad-save").click()
        expect((await updated).status()).toBe(200)
        await form.waitFor({ state: "hidden" })
        const editedRow = list.locator("tbody tr", { hasText: `${AD_NAME} v2` })
        await editedRow.getByTestId("ad-weight").getByText("50% of Sidebar").waitFor({ timeout: 20_000 })
        await expect(editedRow.getByTestId("ad-stat-clicks").innerText()).resolves.toBe("1")

        // Archive, behind a confirmation.
        await editedRow.locator("td").last().getByRole("button").click()
        await page.getByRole("menuitem", { name: "Archive" }).click()
        const archived = page.waitForResponse(
          (response) => response.url().endsWith(`/admin/ads/${ad.id}`) && response.request().method() === "DELETE"
        )
        await page.getByRole("alertdialog").getByRole("button", { name: "Archive" }).click()
        expect((await archived).status()).toBe(200)
        await page.getByText(`Ad "${AD_NAME} v2" archived`).waitFor()
        await editedRow.getByTestId("ad-status").filter({ hasText: "Archived" }).waitFor({ timeout: 20_000 })
        // The rival is alone in the sidebar now.
        const rivalRow = list.locator("tbody tr", { hasText: "Rival sidebar" })
        await rivalRow.getByTestId("ad-weight").getByText("100% of Sidebar").waitFor({ timeout: 20_000 })
        // An archived ad keeps its report but can no longer be edited or archived.
        await editedRow.locator("td").last().getByRole("button").click()
        const reportItem = page.getByRole("menuitem", { name: "Delivery report" })
        await reportItem.waitFor()
        await expect(page.getByRole("menuitem").allInnerTexts()).resolves.toEqual(["Delivery report"])
        await reportItem.click()
        await report.getByText(`${AD_NAME} v2`).waitFor()
        await expect(report.getByTestId("ad-status").innerText()).resolves.toBe("Archived")
        await page.keyboard.press("Escape")
        await report.waitFor({ state: "hidden" })

        // The status filter asks the server for archived ads only.
        await list.getByTestId("ad-filter-menu").getByRole("button").click()
        await page.getByRole("menuitem", { name: "Status" }).click()
        const filtered = page.waitForResponse((response) => {
          const url = new URL(response.url())
          return url.pathname === "/admin/ads" && url.searchParams.get("is_archived") === "true"
        })
        await page.locator('button[role="listitem"]', { hasText: "Archived" }).click()
        expect((await filtered).status()).toBe(200)
        await rivalRow.waitFor({ state: "detached", timeout: 20_000 })
        await expect(list.locator("tbody tr").count()).resolves.toBe(1)
        await expect(list.locator("tbody tr").first().innerText()).resolves.toContain(`${AD_NAME} v2`)
        const screenshot = await saveScreenshot(page, "admin-ads-archived")
        process.stdout.write(`[browser] screenshots in ${screenshot.replace(/[^/]+$/, "")}\n`)

        expect(problems).toEqual([])
      })
    })
  },
})
