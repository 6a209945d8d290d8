import { Modules } from "@medusajs/framework/utils"
import { updateInventoryLevelsWorkflow } from "@medusajs/medusa/core-flows"
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { adminHeaders, createCustomer } from "../helpers/auth"
import { buildAdminEarly, logInToAdmin, monetizationSidebarLink, useAdminSession } from "../helpers/browser/admin-session"
import { collectPageProblems, saveScreenshot } from "../helpers/browser/chromium"
import { createStoreSetup, storeHeaders } from "../helpers/store-setup"
import { createTicketProduct } from "../helpers/ticket-product"
import { clearOfMinuteTick, eventually, enableWaitlist } from "../http/waitlist/helpers"

// Generous: on a 2-core machine the app boot shares the CPU with the admin build on a cold cache.
jest.setTimeout(300_000)

// helpers/auth.ts registers admins with this password.
const ADMIN_EMAIL = "browser-waitlists@test.dev"
const ADMIN_PASSWORD = "supersecret"
const SESSION_TITLE = "Browser Waitlist Keynote – General Admission"

const adminBuild = buildAdminEarly()

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    const session = useAdminSession(api, adminBuild)

    describe("Admin: /app/monetization/waitlists", () => {
      it("lists a full session's waitlist, shows the FIFO entries and offers the next seat", async () => {
        const { page } = session.browser
        const problems = collectPageProblems(page)
        const container = getContainer()
        const inventory = container.resolve(Modules.INVENTORY)

        await adminHeaders(api, container, ADMIN_EMAIL)
        const setup = await createStoreSetup(container, { withStripe: false })
        const ticket = await createTicketProduct(container, setup, { title: "Browser Waitlist Keynote", stock: 2 })
        await enableWaitlist(container, ticket.variantId)
        // Both seats sold: what an order's reservation does to the stock.
        await inventory.createReservationItems([
          { inventory_item_id: ticket.inventoryItemId, location_id: ticket.locationId, quantity: 2 },
        ])
        const emails: string[] = []
        for (const name of ["ada", "bob", "cyd"]) {
          const email = `${name}-${Date.now()}@waitlist.test`
          const customer = await createCustomer(api, setup.publishableKey, email)
          const joined = await api.post(`/store/sessions/${ticket.variantId}/waitlist`, {}, storeHeaders(setup, customer.token))
          expect(joined.data.waitlist_entry.status).toBe("WAITING")
          emails.push(email)
        }

        await logInToAdmin(page, session.server.url, ADMIN_EMAIL, ADMIN_PASSWORD)

        const sidebarLink = await monetizationSidebarLink(page, "/monetization/waitlists")
        await expect(sidebarLink.innerText()).resolves.toContain("Waitlists")
        await sidebarLink.click()
        await page.waitForURL(`${session.server.url}/app/monetization/waitlists`)
        const listRow = page.getByTestId("waitlists").locator("tbody tr", { hasText: SESSION_TITLE })
        await listRow.waitFor({ timeout: 20_000 })
        const cells = async () => (await listRow.locator("td").allInnerTexts()).map((text) => text.trim())
        // Session, capacity, sold, held, waiting, offered, accepted, expired.
        await expect(cells()).resolves.toEqual([SESSION_TITLE, "2", "2", "0", "3", "0", "0", "0"])

        await listRow.click()
        await page.waitForURL(`${session.server.url}/app/monetization/waitlists/${ticket.variantId}`)
        const detail = page.getByTestId("waitlist-detail")
        await detail.getByRole("heading", { name: SESSION_TITLE }).waitFor({ timeout: 20_000 })
        const kpi = (key: string) => detail.getByTestId(`waitlist-kpi-${key}`).getByTestId("waitlist-kpi-value")
        const kpis = async () =>
          Object.fromEntries(
            await Promise.all(
              ["capacity", "sold", "held", "free", "waiting", "offered", "accepted", "expired"].map(
                async (key) => [key, await kpi(key).innerText()] as const
              )
            )
          )
        await expect(kpis()).resolves.toEqual({
          capacity: "2",
          sold: "2",
          held: "0",
          free: "0",
          waiting: "3",
          offered: "0",
          accepted: "0",
          expired: "0",
        })
        const entries = detail.getByTestId("waitlist-entry")
        const column = (testId: string) => entries.getByTestId(testId).allInnerTexts()
        await expect(column("waitlist-entry-customer")).resolves.toEqual(emails)
        await expect(column("waitlist-entry-status")).resolves.toEqual(["Waiting", "Waiting", "Waiting"])
        await expect(column("waitlist-entry-position")).resolves.toEqual(["1", "2", "3"])

        // No free seat: nothing to offer.
        const form = detail.getByTestId("waitlist-offer-next")
        const submit = form.getByTestId("waitlist-offer-next-submit")
        await expect(submit.isDisabled()).resolves.toBe(true)
        await expect(form.getByTestId("waitlist-offer-next-hint").innerText()).resolves.toContain("No free seats")

        // One more seat, through the inventory module: no inventory-level event reaches the
        // waitlist, and clear of the every-minute job's tick, so only the organizer offers it.
        await clearOfMinuteTick(8, 28)
        const [level] = await inventory.listInventoryLevels({ inventory_item_id: ticket.inventoryItemId })
        await inventory.updateInventoryLevels([
          { id: level.id, inventory_item_id: ticket.inventoryItemId, location_id: ticket.locationId, stocked_quantity: 3 },
        ])
        // The page refreshes by itself.
        await detail.getByTestId("waitlist-kpi-free").getByText("1", { exact: true }).waitFor({ timeout: 20_000 })
        await expect(submit.isDisabled()).resolves.toBe(false)

        const offerRequests: string[] = []
        page.on("request", (request) => {
          if (request.url().endsWith("/waitlist/offer-next")) {
            offerRequests.push(request.method())
          }
        })
        const count = form.locator("#waitlist-offer-count")
        await count.fill("5")
        await submit.click()
        await expect(form.getByTestId("waitlist-offer-next-error").innerText()).resolves.toBe(
          "Only 1 free seat can be offered."
        )
        expect(offerRequests).toEqual([])

        await count.fill("1")
        await expect(submit.innerText()).resolves.toBe("Offer next 1")
        const offered = page.waitForResponse((response) => response.url().endsWith("/waitlist/offer-next"))
        await submit.click()
        const response = await offered
        expect(response.status()).toBe(200)
        expect((await response.json()).offered).toHaveLength(1)
        await page.getByText("Offered a seat to 1 customer").waitFor({ timeout: 10_000 })

        const first = entries.first()
        await first.getByTestId("waitlist-entry-status").filter({ hasText: "Offered" }).waitFor({ timeout: 20_000 })
        await expect(column("waitlist-entry-status")).resolves.toEqual(["Offered", "Waiting", "Waiting"])
        await expect(column("waitlist-entry-position")).resolves.toEqual(["-", "1", "2"])
        await expect(first.getByTestId("waitlist-entry-offered-at").innerText()).resolves.not.toBe("-")
        await expect(first.getByTestId("waitlist-offer-countdown").innerText()).resolves.toMatch(/^1?\d:\d{2} left$/)
        await expect(kpis()).resolves.toEqual({
          capacity: "3",
          sold: "2",
          held: "1",
          free: "0",
          waiting: "2",
          offered: "1",
          accepted: "0",
          expired: "0",
        })

        await first.getByTestId("waitlist-entry-toggle").click()
        const audit = detail.getByTestId("waitlist-entry-audit").getByTestId("waitlist-audit-row")
        await audit.first().waitFor()
        const auditRows = await audit.allInnerTexts()
        expect(auditRows.map((row) => row.split(/\s/)[0])).toEqual(["JOINED", "OFFERED"])
        expect(auditRows[1]).toContain("expires at:")
        const screenshot = await saveScreenshot(page, "admin-waitlist-offered")

        // The list shows the move too.
        await sidebarLink.click()
        await page.waitForURL(`${session.server.url}/app/monetization/waitlists`)
        await listRow.waitFor({ timeout: 20_000 })
        // The list first shows what it cached on the first visit, then its refetch.
        const moved = [SESSION_TITLE, "3", "2", "1", "2", "1", "0", "0"]
        await eventually(async () => JSON.stringify(await cells()) === JSON.stringify(moved), 20_000).catch(() => undefined)
        await expect(cells()).resolves.toEqual(moved)
        await saveScreenshot(page, "admin-waitlists-list")
        process.stdout.write(`[browser] screenshots in ${screenshot.replace(/[^/]+$/, "")}\n`)

        expect(problems).toEqual([])
      })

      it("enables a session's waitlist, releases a held seat and removes entries; the admin shows why", async () => {
        const { page } = session.browser
        const problems = collectPageProblems(page)
        const container = getContainer()
        await adminHeaders(api, container, ADMIN_EMAIL)
        const setup = await createStoreSetup(container, { withStripe: false })
        const ticket = await createTicketProduct(container, setup, { title: "Browser Release Talk", stock: 0 })
        const [ada, bob, cyd] = [
          await createCustomer(api, setup.publishableKey, `ada-r-${Date.now()}@waitlist.test`),
          await createCustomer(api, setup.publishableKey, `bob-r-${Date.now()}@waitlist.test`),
          await createCustomer(api, setup.publishableKey, `cyd-r-${Date.now()}@waitlist.test`),
        ]
        const join = (who: { token: string }) =>
          api.post(`/store/sessions/${ticket.variantId}/waitlist`, {}, storeHeaders(setup, who.token)).catch((e) => e)
        expect((await join(ada)).response.status).toBe(404) // not enabled yet

        await logInToAdmin(page, session.server.url, ADMIN_EMAIL, ADMIN_PASSWORD)
        await page.locator('a[href="/app/monetization"]').first().waitFor({ timeout: 20_000 })
        // The page's URL before it moved under /monetization: it redirects.
        await page.goto(`${session.server.url}/app/waitlists/${ticket.variantId}`)
        const detail = page.getByTestId("waitlist-detail")
        const toggle = detail.getByTestId("waitlist-enabled").getByRole("switch")
        await toggle.waitFor({ timeout: 20_000 })
        await expect(toggle.getAttribute("aria-checked")).resolves.toBe("false")
        await toggle.click()
        await page.getByText("Waitlist enabled", { exact: true }).first().waitFor()
        await eventually(async () => (await toggle.getAttribute("aria-checked")) === "true", 10_000)
        for (const who of [ada, bob, cyd]) {
          expect((await join(who)).status).toBe(201)
        }

        // A seat frees: Ada is offered it without the organizer's click.
        await updateInventoryLevelsWorkflow(container).run({
          input: { updates: [{ inventory_item_id: ticket.inventoryItemId, location_id: ticket.locationId, stocked_quantity: 1 }] },
        })
        const entries = detail.getByTestId("waitlist-entry")
        const column = (testId: string) => entries.getByTestId(testId).allInnerTexts()
        await entries.first().getByTestId("waitlist-entry-status").filter({ hasText: "Offered" }).waitFor({ timeout: 20_000 })
        const { data } = await api.get(`/admin/sessions/${ticket.variantId}/waitlist`, await adminHeaders(api, container, "second-admin@test.dev"))
        expect(data.session.waitlist_enabled).toBe(true)
        const waitlist = container.resolve("waitlist") as {
          listWaitlistEntries: (f: Record<string, unknown>) => Promise<{ id: string; status: string }[]>
        }
        const [adaEntry] = await waitlist.listWaitlistEntries({ session_id: ticket.variantId, status: "OFFERED" })
        expect(adaEntry).toBeTruthy()
        await entries.first().getByTestId("waitlist-entry-status").filter({ hasText: "Offered" }).waitFor()

        // Release Ada's held seat from the page: it goes to Bob at once.
        await entries.first().getByTestId("waitlist-entry-select").click()
        const actions = detail.getByTestId("waitlist-entry-actions")
        await actions.getByTestId("waitlist-release").click()
        await page.getByRole("button", { name: "Release", exact: true }).click()
        await page.getByText("Released 1 seat(s)").waitFor({ timeout: 10_000 })
        await eventually(async () => JSON.stringify(await column("waitlist-entry-status")) === JSON.stringify(["Expired", "Offered", "Waiting"]), 20_000)
        await expect(column("waitlist-entry-reason")).resolves.toEqual(["Released by the organizer", "-", "-"])

        // Remove Bob (offered) and Cyd (waiting) at once.
        await entries.nth(1).getByTestId("waitlist-entry-select").click()
        await entries.nth(2).getByTestId("waitlist-entry-select").click()
        await expect(actions.getByTestId("waitlist-remove").innerText()).resolves.toBe("Remove (2)")
        await actions.getByTestId("waitlist-remove").click()
        await page.getByRole("button", { name: "Remove", exact: true }).click()
        await page.getByText("Removed 2 entries").waitFor({ timeout: 10_000 })
        await eventually(async () => JSON.stringify(await column("waitlist-entry-status")) === JSON.stringify(["Expired", "Left", "Left"]), 20_000)
        await expect(column("waitlist-entry-reason")).resolves.toEqual([
          "Released by the organizer",
          "Removed by the organizer",
          "Removed by the organizer",
        ])
        await saveScreenshot(page, "admin-waitlist-released-removed")
        // Going straight to the session's URL aborts the dashboard's own requests still in flight: not a problem.
        expect(problems.filter((problem) => !(problem.kind === "requestfailed" && problem.text === "net::ERR_ABORTED"))).toEqual([])
      })
    })
  },
})
