import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { Browser, launchChromium } from "../helpers/browser/chromium"
import { MediaServer, startMediaServer } from "../helpers/browser/media-server"
import { createStoreSetup } from "../helpers/store-setup"
import { eventually } from "../http/waitlist/helpers"

jest.setTimeout(120_000)

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let browser: Browser
    let storefront: MediaServer
    beforeAll(async () => {
      browser = await launchChromium()
      storefront = await startMediaServer()
    })
    afterAll(async () => {
      await browser?.close()
      await storefront?.close()
    })

    describe("navigator.sendBeacon from a storefront page", () => {
      it("delivers the events a page sends as it unloads, cross-origin, with the key in the query string", async () => {
        const { publishableKey } = await createStoreSetup(getContainer(), { withStripe: false })
        const url = `${api.defaults.baseURL}/beacon/analytics/track?x-publishable-api-key=${publishableKey}`
        const { page } = browser
        // Another origin than the API, as a storefront is.
        await page.goto(`${storefront.url}/banner.png`)
        await page.evaluate((beaconUrl) => {
          window.addEventListener("pagehide", () => {
            const events = [1, 2].map((n) => ({
              id: `evt_unload_${n}`,
              type: "OFFER_VIEW",
              entityId: "moff_unload",
              event_id: "prod_event",
              session_token: "sess_unload",
              timestamp: new Date().toISOString(),
            }))
            navigator.sendBeacon(beaconUrl, JSON.stringify({ events }))
          })
        }, url)
        await page.goto("about:blank")

        const knex = getContainer().resolve(ContainerRegistrationKeys.PG_CONNECTION)
        const rows = await eventually(async () => {
          const found = await knex("monetization_event").where({ entity_id: "moff_unload" }).select("client_event_id", "user_agent")
          return found.length === 2 && found
        })
        expect(rows.map((row: { client_event_id: string }) => row.client_event_id).sort()).toEqual([
          "evt_unload_1",
          "evt_unload_2",
        ])
        expect(rows[0].user_agent).toMatch(/Chrome/)
      })
    })
  },
})
