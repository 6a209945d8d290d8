import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { adminHeaders } from "../helpers/auth"
import { buildAdminEarly, logInToAdmin, monetizationSidebarLink, useAdminSession } from "../helpers/browser/admin-session"
import { collectPageProblems, saveScreenshot } from "../helpers/browser/chromium"
import { createStoreSetup, storeHeaders } from "../helpers/store-setup"
import { createTicketProduct } from "../helpers/ticket-product"
import { assignVariant, ABVariantWeight } from "../../src/shared/ab-assignment"

// Generous: on a 2-core machine the app boot shares the CPU with the admin build on a cold cache.
jest.setTimeout(240_000)

// helpers/auth.ts registers admins with this password.
const ADMIN_EMAIL = "browser-experiments@test.dev"
const ADMIN_PASSWORD = "supersecret"
const TEST_ID = "browser-checkout-banner"
const EVENT_TITLE = "Browser Experiments Fest"

const adminBuild = buildAdminEarly()

/** `count` sessions the shared rule assigns to one variant: a view each, a conversion for the first `conversions`. */
function sessions(eventId: string, variants: ABVariantWeight[], variantId: string, count: number, conversions: number) {
  const tokens: string[] = []
  for (let j = 0; tokens.length < count; j++) {
    if (assignVariant(`sess_${variantId}_${j}`, TEST_ID, variants) === variantId) {
      tokens.push(`sess_${variantId}_${j}`)
    }
  }
  return tokens.map((session_token, n) => {
    const base = { test_id: TEST_ID, event_id: eventId, session_token, variant_id: variantId }
    return [
      { ...base, id: `view_${variantId}_${n}`, event_type: "variant_view" },
      ...(n < conversions ? [{ ...base, id: `conv_${variantId}_${n}`, event_type: "goal_conversion", goal_value: 10 }] : []),
    ]
  }).flat()
}

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    const session = useAdminSession(api, adminBuild)

    describe("Admin: /app/monetization/ab-tests", () => {
      it("creates an A/B test in the form, starts it, shows results with a recommendation and declares the winner", async () => {
        const { page } = session.browser
        const problems = collectPageProblems(page)
        const container = getContainer()

        const admin = await adminHeaders(api, container, ADMIN_EMAIL)
        const setup = await createStoreSetup(container, { withStripe: false })
        const event = await createTicketProduct(container, setup, { title: EVENT_TITLE })

        await logInToAdmin(page, session.server.url, ADMIN_EMAIL, ADMIN_PASSWORD)

        const sidebarLink = await monetizationSidebarLink(page, "/monetization/ab-tests")
        await expect(sidebarLink.innerText()).resolves.toContain("A/B tests")
        await sidebarLink.click()
        await page.waitForURL(`${session.server.url}/app/monetization/ab-tests`)
        await page.getByTestId("ab-tests").getByText("No A/B tests yet").waitFor({ timeout: 20_000 })

        // Create through the form: key, event (a product), name, the two default variants re-weighted.
        await page.getByTestId("ab-test-create").click()
        const form = page.getByTestId("ab-test-form")
        await form.waitFor()
        await form.locator("#ab-test-test-id").fill(TEST_ID)
        await form.getByTestId("event-select").click()
        await page.getByRole("option", { name: EVENT_TITLE }).click()
        await form.locator("#ab-test-name").fill("Checkout banner copy")
        await form.locator("#ab-test-description").fill("Does urgency copy sell more upgrades?")
        await form.locator('input[name="variants.1.name"]').fill("Urgency copy")
        await form.getByTestId("ab-test-add-variant").click()
        await expect(form.getByTestId("ab-test-variant-row").count()).resolves.toBe(3)
        await form.getByRole("button", { name: "Remove variant 3" }).click()
        await expect(form.getByTestId("ab-test-variant-row").count()).resolves.toBe(2)
        const created = page.waitForResponse(
          (response) => response.url().endsWith("/admin/ab-tests") && response.request().method() === "POST"
        )
        await form.getByTestId("ab-test-save").click()
        expect((await created).status()).toBe(200)

        // Saving opens the detail page.
        await page.waitForURL(`${session.server.url}/app/monetization/ab-tests/${TEST_ID}`, { timeout: 20_000 })
        const detail = page.getByTestId("ab-test-detail")
        await detail.getByText("Checkout banner copy").waitFor({ timeout: 20_000 })
        await expect(detail.getByTestId("ab-test-status").innerText()).resolves.toBe("Draft")
        await expect(detail.getByTestId("ab-test-variants").innerText()).resolves.toContain("Urgency copy")

        // Start, behind a confirmation.
        await detail.getByTestId("ab-test-start").click()
        const started = page.waitForResponse((response) => response.url().endsWith(`/admin/ab-tests/${TEST_ID}/start`))
        await page.getByRole("alertdialog").getByRole("button", { name: "Start" }).click()
        expect((await started).status()).toBe(200)
        await detail.getByTestId("ab-test-stop").waitFor({ timeout: 20_000 })
        await expect(detail.getByTestId("ab-test-status").innerText()).resolves.toBe("Running")

        // The storefront's tracking: 200 sessions per arm, 10% vs 30% conversion.
        // Honest traffic: sessions the test's rule assigns to each arm (the server rejects any other).
        const { variants } = (await api.get(`/admin/ab-tests/${TEST_ID}`, admin)).data.ab_test
        const events = [
          ...sessions(event.productId, variants, "control", 200, 20),
          ...sessions(event.productId, variants, "variant_b", 200, 60),
        ]
        const tracked = await api.post("/store/ab-tests/track", { events }, storeHeaders(setup))
        expect(tracked.status).toBe(202)
        expect(tracked.data).toMatchObject({ accepted: events.length, rejected: [] })
        const apiResults = await api.get(`/admin/ab-tests/${TEST_ID}/results`, admin)
        expect(apiResults.data.winner).toBe("variant_b")

        await page.reload()
        const results = page.getByTestId("ab-test-results")
        const table = results.getByTestId("ab-test-results-table")
        await table.waitFor({ timeout: 20_000 })
        const control = await table.getByTestId("ab-test-result-control").innerText()
        const variantB = await table.getByTestId("ab-test-result-variant_b").innerText()
        expect(control).toMatch(/200\s+20\s+10\.00%/)
        expect(variantB).toMatch(/200\s+60\s+30\.00%/)
        expect(variantB).toContain("Winner")
        const recommendation = await results.getByTestId("ab-test-recommendation").innerText()
        expect(recommendation).toBe(apiResults.data.recommendation)
        expect(recommendation).toContain("variant_b wins")
        await expect(results.getByTestId("ab-test-srm-warning").count()).resolves.toBe(0)
        await expect(results.getByTestId("ab-test-confidence").innerText()).resolves.toMatch(/^>?\d+\.\d{2}%$/)
        const screenshot = await saveScreenshot(page, "admin-ab-test-results")

        // Declare the statistical winner: recorded and the test stops.
        await results.getByTestId("ab-test-declare-winner").click()
        const declared = page.waitForResponse((response) =>
          response.url().endsWith(`/admin/ab-tests/${TEST_ID}/declare-winner`)
        )
        await page.getByRole("alertdialog").getByRole("button", { name: "Declare winner" }).click()
        expect((await declared).status()).toBe(200)
        await detail.getByTestId("ab-test-status").filter({ hasText: "Stopped" }).waitFor({ timeout: 20_000 })
        await table.getByText("Declared").waitFor({ timeout: 20_000 })
        await saveScreenshot(page, "admin-ab-test-declared")

        // The list shows it with its status and variant count.
        await page.locator('a[href="/app/monetization/ab-tests"]').first().click()
        const row = page.getByTestId("ab-tests").locator("tbody tr", { hasText: TEST_ID })
        await row.waitFor({ timeout: 20_000 })
        const rowText = await row.innerText()
        expect(rowText).toContain(EVENT_TITLE)
        expect(rowText).toContain("Stopped")
        await saveScreenshot(page, "admin-ab-tests-list")
        // A row opens its A/B test.
        await row.getByText(TEST_ID, { exact: true }).click()
        await page.waitForURL(`${session.server.url}/app/monetization/ab-tests/${TEST_ID}`, { timeout: 20_000 })
        await detail.getByTestId("ab-test-status").filter({ hasText: "Stopped" }).waitFor({ timeout: 20_000 })
        // The URLs A/B tests had before they were renamed redirect to the current ones.
        for (const before of [`/app/experiments/${TEST_ID}`, `/app/monetization/experiments/${TEST_ID}`]) {
          await page.goto(`${session.server.url}${before}`)
          await page.waitForURL(`${session.server.url}/app/monetization/ab-tests/${TEST_ID}`, { timeout: 20_000 })
          await detail.getByTestId("ab-test-status").filter({ hasText: "Stopped" }).waitFor({ timeout: 20_000 })
        }
        process.stdout.write(`[browser] screenshots in ${screenshot.replace(/[^/]+$/, "")}\n`)

        expect(problems).toEqual([])
      })
    })
  },
})
