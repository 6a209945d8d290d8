import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import type { Locator, Page } from "playwright-core"
import { OFFER_MODULE } from "../../src/modules/offer"
import type OfferModuleService from "../../src/modules/offer/service"
import { adminHeaders } from "../helpers/auth"
import { buildAdminEarly, logInToAdmin, monetizationSidebarLink, useAdminSession } from "../helpers/browser/admin-session"
import { collectPageProblems, saveScreenshot } from "../helpers/browser/chromium"
import { createStoreSetup } from "../helpers/store-setup"
import { createTicketProduct } from "../helpers/ticket-product"

// Generous: on a 2-core machine the app boot shares the CPU with the admin build on a cold cache.
jest.setTimeout(300_000)

// helpers/auth.ts registers admins with this password.
const ADMIN_EMAIL = "browser-offers@test.dev"
const ADMIN_PASSWORD = "supersecret"
const EVENT_TITLE = "Browser Offers Fest"
const MERCH_TITLE = "Browser Fest T-Shirt"
const DOOMED_TITLE = "Browser Fest Poster"
const DAY = 24 * 60 * 60 * 1000

const adminBuild = buildAdminEarly()

const pad = (n: number) => String(n).padStart(2, "0")
/** What a datetime-local input takes; browser and test share the machine's time zone. */
const localInput = (date: Date) =>
  `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`

const isOffersPost = (url: string, method: string) => method === "POST" && new URL(url).pathname === "/admin/offers"

/**
 * Opens the row's action menu and picks `action`. The list refetches right after a reload and
 * may re-render the row under a click, closing the menu it just opened: retry until it stays.
 */
async function openRowAction(page: Page, row: Locator, action: string) {
  const item = page.getByRole("menuitem", { name: action })
  for (let attempt = 1; ; attempt++) {
    await row.locator("td").last().getByRole("button").click()
    const opened = await item.waitFor({ timeout: 3_000 }).then(
      () => true,
      () => false
    )
    if (opened || attempt === 5) {
      break
    }
    await page.keyboard.press("Escape")
  }
  await item.click()
}

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    const session = useAdminSession(api, adminBuild)

    describe("Admin: /app/monetization/offers", () => {
      it("creates an offer in the form, lists it with its stock, edits it, shows it on the event page and archives it", async () => {
        const { page } = session.browser
        const problems = collectPageProblems(page)
        const container = getContainer()

        const admin = await adminHeaders(api, container, ADMIN_EMAIL)
        const setup = await createStoreSetup(container, { withStripe: false })
        const event = await createTicketProduct(container, setup, { title: EVENT_TITLE })
        const merch = await createTicketProduct(container, setup, { title: MERCH_TITLE })
        const doomed = await createTicketProduct(container, setup, { title: DOOMED_TITLE })

        const offerPosts: string[] = []
        page.on("request", (request) => {
          if (isOffersPost(request.url(), request.method())) {
            offerPosts.push(request.url())
          }
        })

        await logInToAdmin(page, session.server.url, ADMIN_EMAIL, ADMIN_PASSWORD)

        const sidebarLink = await monetizationSidebarLink(page, "/monetization/offers")
        await expect(sidebarLink.innerText()).resolves.toContain("Offers")
        await sidebarLink.click()
        await page.waitForURL(`${session.server.url}/app/monetization/offers`)
        const list = page.getByTestId("offers")
        await list.getByText("No offers yet").waitFor({ timeout: 20_000 })

        // Fill the form: event, the variant sold (found by search), type, placement, price, stock, schedule, a tier.
        await list.getByTestId("offer-create").click()
        const form = page.getByTestId("offer-form")
        await form.waitFor()
        await form.getByTestId("event-select").click()
        await page.getByRole("option", { name: EVENT_TITLE }).click()
        await form.locator("#offer-title").fill("Festival T-Shirt")
        await form.locator("#offer-description").fill("Limited edition shirt")
        const variants = form.getByTestId("offer-variant-options")
        await form.locator("#offer-variant").fill("Poster")
        await variants.getByRole("option", { name: new RegExp(DOOMED_TITLE) }).click()
        await form.getByTestId("offer-type-select").click()
        await page.getByRole("option", { name: "Merchandise" }).click()
        await form.getByTestId("offer-placement-select").click()
        await page.getByRole("option", { name: "Post-purchase" }).click()
        // The store's default currency is filled in; the form lower-cases what is typed.
        await expect(form.locator("#offer-currency").inputValue()).resolves.toMatch(/^[a-z]{3}$/)
        await form.locator("#offer-currency").fill("EUR")
        await form.locator("#offer-price").fill("20")
        await form.locator("#offer-original-price").fill("15")
        await form.locator("#offer-stock").fill("10")
        const startsAt = new Date(Date.now() - DAY)
        const expiresAt = new Date(Date.now() + 7 * DAY)
        await form.locator("#offer-starts-at").fill(localInput(startsAt))
        await form.locator("#offer-expires-at").fill(localInput(expiresAt))
        await form.getByTestId("offer-tiers").getByRole("checkbox").first().click()

        // Client-side validation: an original price below the price never reaches the server.
        await form.getByTestId("offer-save").click()
        const originalPriceError = form.getByTestId("offer-original-price-error")
        await originalPriceError.waitFor()
        await expect(originalPriceError.innerText()).resolves.toBe("The original price must be at least the offer price")
        await expect(form.locator("#offer-original-price").getAttribute("aria-invalid")).resolves.toBe("true")
        expect(offerPosts).toEqual([])
        await saveScreenshot(page, "admin-offer-form-validation")
        await form.locator("#offer-original-price").fill("30")

        // Server-side validation: the chosen variant is deleted meanwhile; the 400's message is shown as a toast.
        await api.delete(`/admin/products/${doomed.productId}`, admin)
        const rejected = page.waitForResponse((response) => isOffersPost(response.url(), response.request().method()))
        await form.getByTestId("offer-save").click()
        expect((await rejected).status()).toBe(400)
        await page.getByText(`Variants not found: ${doomed.variantId}`).waitFor({ timeout: 10_000 })
        await expect(originalPriceError.count()).resolves.toBe(0)

        // Pick the real variant and create.
        await form.locator("#offer-variant").fill("T-Shirt")
        await variants.getByRole("option", { name: new RegExp(MERCH_TITLE) }).click()
        await expect(form.getByTestId("offer-variant-selected").innerText()).resolves.toContain(MERCH_TITLE)
        const created = page.waitForResponse((response) => isOffersPost(response.url(), response.request().method()))
        await form.getByTestId("offer-save").click()
        const createdResponse = await created
        expect(createdResponse.status()).toBe(201)
        const offerId: string = (await createdResponse.json()).offer.id
        await form.waitFor({ state: "detached", timeout: 10_000 })
        await page.getByText('Offer "Festival T-Shirt" created').waitFor({ timeout: 10_000 })

        const stored = (await api.get(`/admin/offers/${offerId}`, admin)).data.offer
        expect(stored).toMatchObject({
          event_id: event.productId,
          variant_id: merch.variantId,
          title: "Festival T-Shirt",
          description: "Limited edition shirt",
          offer_type: "MERCHANDISE",
          placement: "POST_PURCHASE",
          price: 20,
          original_price: 30,
          currency_code: "eur",
          inventory_total: 10,
          target_ticket_tiers: [event.variantId],
          target_sessions: [],
          is_active: true,
          is_archived: false,
        })
        expect(Math.abs(new Date(stored.starts_at).getTime() - startsAt.getTime())).toBeLessThan(60_000)
        expect(Math.abs(new Date(stored.expires_at).getTime() - expiresAt.getTime())).toBeLessThan(60_000)

        // The list row: event, type, placement, price with the original struck through, status and stock.
        const row = list.locator("tbody tr", { hasText: "Festival T-Shirt" })
        await row.waitFor({ timeout: 20_000 })
        const rowText = await row.innerText()
        for (const text of [EVENT_TITLE, "Merchandise", "Post-purchase", "€20.00", "Active"]) {
          expect(rowText).toContain(text)
        }
        await expect(row.locator("s").innerText()).resolves.toBe("€30.00")
        const stock = row.getByTestId("offer-stock")
        await expect(stock.getAttribute("aria-label")).resolves.toBe("0 sold, 0 held, 10 available of 10")

        // Sales and holds happen in the store; set the counters they maintain and reload.
        const offers: OfferModuleService = container.resolve(OFFER_MODULE)
        await offers.updateOffers({ id: offerId, sold: 3, held: 1 })
        await page.reload()
        await row.waitFor({ timeout: 20_000 })
        await expect(stock.getAttribute("aria-label")).resolves.toBe("3 sold, 1 held, 6 available of 10")
        await expect(stock.innerText()).resolves.toBe("3 sold · 1 held · 6 / 10 left")

        // Edit through the row menu: the form opens with the stored values.
        await openRowAction(page, row, "Edit")
        await form.waitFor()
        await expect(form.locator("#offer-title").inputValue()).resolves.toBe("Festival T-Shirt")
        await expect(form.locator("#offer-original-price").inputValue()).resolves.toBe("30")
        await expect(form.getByTestId("offer-tiers").getByRole("checkbox").first().getAttribute("aria-checked")).resolves.toBe("true")
        await form.locator("#offer-title").fill("VIP T-Shirt")
        await form.locator("#offer-price").fill("25")
        await form.locator("#offer-stock").fill("12")
        const updated = page.waitForResponse(
          (response) => response.url().endsWith(`/admin/offers/${offerId}`) && response.request().method() === "POST"
        )
        await form.getByTestId("offer-save").click()
        expect((await updated).status()).toBe(200)
        await form.waitFor({ state: "detached", timeout: 10_000 })
        const editedRow = list.locator("tbody tr", { hasText: "VIP T-Shirt" })
        await editedRow.waitFor({ timeout: 20_000 })
        await expect(editedRow.innerText()).resolves.toContain("€25.00")
        await expect(editedRow.getByTestId("offer-stock").getAttribute("aria-label")).resolves.toBe(
          "3 sold, 1 held, 8 available of 12"
        )
        await saveScreenshot(page, "admin-offers-list")

        // The event's product page lists it with its stock.
        await page.goto(`${session.server.url}/app/products/${event.productId}`)
        const widget = page.getByTestId("event-offers-widget")
        const widgetOffer = widget.getByTestId("event-offer").filter({ hasText: "VIP T-Shirt" })
        await widgetOffer.waitFor({ timeout: 30_000 })
        await expect(widget.getByTestId("event-offer").count()).resolves.toBe(1)
        await expect(widgetOffer.getByTestId("offer-stock").getAttribute("aria-label")).resolves.toBe(
          "3 sold, 1 held, 8 available of 12"
        )
        await widget.scrollIntoViewIfNeeded()
        const screenshot = await saveScreenshot(page, "admin-event-offers-widget")

        // "View all" opens the list filtered to this event (the widget's link to the old URL redirects).
        await widget.getByTestId("event-offers-view-all").click()
        await page.waitForURL((url) => url.pathname === "/app/monetization/offers" && url.searchParams.get("event_id") === event.productId)
        await editedRow.waitFor({ timeout: 20_000 })

        // Archive behind a confirmation: the row leaves the list, and the Archived filter shows it.
        await openRowAction(page, editedRow, "Archive")
        const archived = page.waitForResponse(
          (response) => response.url().endsWith(`/admin/offers/${offerId}`) && response.request().method() === "DELETE"
        )
        await page.getByRole("alertdialog").getByRole("button", { name: "Archive" }).click()
        expect((await archived).status()).toBe(200)
        await editedRow.waitFor({ state: "detached", timeout: 20_000 })
        await list.getByText("No offers match").waitFor({ timeout: 20_000 })
        expect((await api.get(`/admin/offers/${offerId}`, admin)).data.offer).toMatchObject({
          is_archived: true,
          is_active: false,
        })

        await list.getByTestId("offers-filter-menu").getByRole("button").click()
        await page.getByRole("menuitem", { name: "Status" }).click()
        await page.locator('[role="listitem"]').filter({ hasText: /^Archived$/ }).click()
        await editedRow.waitFor({ timeout: 20_000 })
        await expect(editedRow.getByTestId("offer-status").innerText()).resolves.toBe("Archived")
        await saveScreenshot(page, "admin-offers-archived")
        process.stdout.write(`[browser] screenshots in ${screenshot.replace(/[^/]+$/, "")}\n`)

        // Chromium logs the deliberate 400 above as a failed resource load; anything else is a problem.
        const unexpected = problems.filter(
          (problem) => !(problem.kind === "console" && /status of 400/.test(problem.text) && problem.url?.endsWith("/admin/offers"))
        )
        expect(unexpected).toEqual([])
      })
    })
  },
})
