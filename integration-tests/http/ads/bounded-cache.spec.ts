import { randomUUID } from "crypto"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { AD_MODULE } from "../../../src/modules/ad"
import type AdModuleService from "../../../src/modules/ad/service"
import { createStoreSetup, StoreSetup, storeHeaders } from "../../helpers/store-setup"
import { createAd, uniqueEventId } from "./fixtures"

jest.setTimeout(600_000)

/** Random event ids asked of the ad service (what the route calls), and over HTTP. */
const RANDOM_EVENTS = 20_000
const RANDOM_EVENTS_OVER_HTTP = 1_000
const CONCURRENCY = 10

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let setup: StoreSetup

    beforeEach(async () => {
      setup = await createStoreSetup(getContainer(), { withStripe: false })
    })

    const serve = async (eventId: string) => {
      const params = new URLSearchParams({ event_id: eventId, placement: "SIDEBAR" })
      const response = await api.get(`/store/ads?${params}`, storeHeaders(setup))
      expect(response.status).toBe(200)
      return (response.data.ads as { id: string }[]).map((ad) => ad.id)
    }

    describe("GET /store/ads with event ids nobody advertises on", () => {
      it("keeps the ad cache flat over 21,000 random event ids while the real event stays cached", async () => {
        const service: AdModuleService = getContainer().resolve(AD_MODULE)
        const eventId = uniqueEventId()
        const ad = await createAd(getContainer(), eventId)
        expect(await serve(eventId)).toEqual([ad.id])
        const before = await service.cacheSizes()
        expect(before.eligible).toBe(1)

        const gc = (global as { gc?: () => void }).gc
        gc?.()
        const heapBefore = process.memoryUsage().heapUsed
        const select = (id: string) => service.selectAds({ event_id: id, placement: "SIDEBAR", limit: 1 })
        for (let i = 1; i <= RANDOM_EVENTS; i++) {
          expect(await select(`prod_${randomUUID()}`)).toEqual([])
          if (i % 2_000 === 0) {
            // The real event is read throughout; random ids never push it out.
            expect((await select(eventId)).map((picked) => picked.id)).toEqual([ad.id])
            expect((await service.cacheSizes()).eligible).toBe(1)
          }
        }
        let sent = 0
        const worker = async () => {
          while (sent < RANDOM_EVENTS_OVER_HTTP) {
            sent++
            expect(await serve(`prod_${randomUUID()}`)).toEqual([])
          }
        }
        await Promise.all(Array.from({ length: CONCURRENCY }, worker))
        gc?.()
        const heapGrowthMb = (process.memoryUsage().heapUsed - heapBefore) / 1024 / 1024
        process.stdout.write(
          `[ads] ${RANDOM_EVENTS} + ${RANDOM_EVENTS_OVER_HTTP} (HTTP) random event ids: cache ${JSON.stringify(await service.cacheSizes())}, heap ${heapGrowthMb.toFixed(1)} MB${gc ? "" : " (no global.gc: indicative only)"}\n`
        )
        expect(await service.cacheSizes()).toMatchObject({ eligible: before.eligible, known_events: before.known_events })

        // Served from the cache: the row is gone from the table, unseen by the cache until it expires.
        expect(await serve(eventId)).toEqual([ad.id])
        await getContainer().resolve(ContainerRegistrationKeys.PG_CONNECTION)("monetization_ad").where({ id: ad.id }).delete()
        expect(await serve(eventId)).toEqual([ad.id])
      })

      it("serves an ad created for a new event at once (ad changes reload the known events)", async () => {
        const first = uniqueEventId()
        await createAd(getContainer(), first)
        expect(await serve(first)).toHaveLength(1)
        const second = uniqueEventId()
        expect(await serve(second)).toEqual([])
        const ad = await createAd(getContainer(), second)
        expect(await serve(second)).toEqual([ad.id])
      })
    })
  },
})
