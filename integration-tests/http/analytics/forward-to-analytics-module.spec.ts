import { Modules } from "@medusajs/framework/utils"
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { createStoreSetup, storeHeaders } from "../../helpers/store-setup"

jest.setTimeout(300_000)

// medusa-config.ts reads this when the runner loads it.
process.env.MONETIZATION_ANALYTICS_LOCAL = "true"
afterAll(() => {
  delete process.env.MONETIZATION_ANALYTICS_LOCAL
})

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    describe("POST /store/analytics/track with Medusa's Analytics Module configured", () => {
      it("forwards each newly stored event once, and never a duplicate", async () => {
        const setup = await createStoreSetup(getContainer(), { withStripe: false })
        const analytics = getContainer().resolve(Modules.ANALYTICS)
        const track = jest.spyOn(analytics, "track")
        const batch = {
          events: [
            { id: "fwd-evt-0001", type: "OFFER_CLICK", entityId: "moff_1", event_id: "prod_1", session_token: "s1", timestamp: new Date().toISOString() },
            { id: "fwd-evt-0002", type: "OFFER_VIEW", entityId: "moff_2", session_token: "s1", timestamp: new Date().toISOString() },
          ],
        }

        const first = await api.post("/store/analytics/track", batch, storeHeaders(setup))
        expect(first.data.accepted).toBe(2)
        expect(track).toHaveBeenCalledTimes(2)
        expect(track).toHaveBeenCalledWith(
          expect.objectContaining({
            event: "offer_click",
            actor_id: "s1",
            properties: expect.objectContaining({ entity_id: "moff_1", client_event_id: "fwd-evt-0001" }),
          })
        )

        const retry = await api.post("/store/analytics/track", batch, storeHeaders(setup))
        expect(retry.data.duplicates).toBe(2)
        expect(track).toHaveBeenCalledTimes(2)
      })
    })
  },
})
