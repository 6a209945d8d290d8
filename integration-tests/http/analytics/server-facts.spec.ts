import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { adminHeaders, createCustomer } from "../../helpers/auth"
import { createStoreSetup, StoreSetup, storeHeaders } from "../../helpers/store-setup"
import { createTicketProduct, TicketProduct } from "../../helpers/ticket-product"
import { enableWaitlist } from "../waitlist/helpers"
import { BROWSER_UA, createAd, impression } from "../ads/fixtures"
import { pollUntil } from "../ads/fixtures"
import { trackedEvent } from "./fixtures"
import { CLIENT_EVENT_TYPES, MONETIZATION_EVENT_TYPES } from "../../../src/modules/monetization-event/types"

jest.setTimeout(300_000)

/** Every type only the server may record: all types but the client's. */
const SERVER_TYPES = MONETIZATION_EVENT_TYPES.filter((type) => !(CLIENT_EVENT_TYPES as readonly string[]).includes(type))

type ServedAd = { id: string; serve_token: string; signed_click_url: string }

/**
 * Honest and forged traffic mixed, then every dashboard figure compared with counts taken
 * straight from the server's own tables (ad impressions and clicks, offer purchases and holds,
 * waitlist entries), never with what the storefront claimed.
 */
medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let setup: StoreSetup
    let event: TicketProduct

    const knex = () => getContainer().resolve(ContainerRegistrationKeys.PG_CONNECTION)
    const headers = (extra: Record<string, string> = {}, token?: string) => ({
      headers: { ...storeHeaders(setup, token).headers, "user-agent": BROWSER_UA, ...extra },
    })
    const serve = async (sessionToken: string): Promise<ServedAd[]> => {
      const params = new URLSearchParams({ event_id: event.productId, placement: "SIDEBAR", session_token: sessionToken, limit: "10" })
      return (await api.get(`/store/ads?${params}`, headers())).data.ads
    }
    const followLink = (url: string) =>
      api.get(url.replace(/^https?:\/\/[^/]+/, ""), { headers: { "user-agent": BROWSER_UA }, maxRedirects: 0, validateStatus: () => true })
    const count = async (table: string, where: (query: ReturnType<ReturnType<typeof knex>>) => unknown) => {
      const query = knex()(table)
      where(query)
      const [{ n }] = await query.count({ n: "*" })
      return Number(n)
    }

    beforeEach(async () => {
      setup = await createStoreSetup(getContainer(), { withStripe: false })
      // A full session (no stock): customers can join its waitlist.
      event = await createTicketProduct(getContainer(), setup, { title: "Facts Fest", stock: 0 })
      await enableWaitlist(getContainer(), event.variantId)
    })

    it("shows on the dashboard exactly what the server's own tables hold, whatever a storefront forges", async () => {
      const container = getContainer()
      const cpm = await createAd(container, event.productId, { name: "CPM", pricing_model: "CPM", rate: 1000 })
      const cpc = await createAd(container, event.productId, { name: "CPC", pricing_model: "CPC", rate: 2 })
      const offerService = container.resolve("offer") as { createOffers(data: Record<string, unknown>[]): Promise<{ id: string }[]> }
      const [offer] = await offerService.createOffers([
        {
          event_id: event.productId,
          variant_id: event.variantId,
          title: "VIP upgrade",
          offer_type: "TICKET_UPGRADE",
          price: 40,
          currency_code: "eur",
          placement: "CHECKOUT",
          target_sessions: [],
          target_ticket_tiers: [],
        },
      ])

      // Honest: three viewers are served both ads; each reports its impressions (one viewable), two click through.
      for (const [n, viewer] of ["tok_honest_1", "tok_honest_2", "tok_honest_3"].entries()) {
        const ads = await serve(viewer)
        expect(ads.map((ad) => ad.id).sort()).toEqual([cpm.id, cpc.id].sort())
        await api.post(
          "/store/ads/impressions",
          {
            impressions: ads.map((ad) =>
              impression(ad.id, { session_token: viewer, serve_token: ad.serve_token, viewable: n === 0 })
            ),
          },
          headers()
        )
        if (n < 2) {
          const clicked = ads.find((ad) => ad.id === cpc.id)!
          expect((await followLink(clicked.signed_click_url)).status).toBe(302)
        }
      }
      // Honest: offer views and a click from the storefront; two customers join the full session's waitlist.
      const views = [trackedEvent({ entityId: offer.id, event_id: event.productId }), trackedEvent({ entityId: offer.id, event_id: event.productId })]
      const click = trackedEvent({ type: "OFFER_CLICK", entityId: offer.id, event_id: event.productId })
      expect((await api.post("/store/analytics/track", { events: [...views, click] }, headers())).data.accepted).toBe(3)
      for (const email of ["join-1@test.dev", "join-2@test.dev"]) {
        const customer = await createCustomer(api, setup.publishableKey, email)
        expect((await api.post(`/store/sessions/${event.variantId}/waitlist`, {}, headers({}, customer.token))).status).toBe(201)
      }

      // Forged: every server fact through the tracking routes, unsigned and replayed clicks, impressions without a serve.
      const forged = SERVER_TYPES.flatMap((type) =>
        [cpm.id, cpc.id, offer.id, event.variantId].map((entityId) =>
          trackedEvent({ type, entityId, event_id: event.productId, metadata: { wait_minutes: 5, amount: 1e6 } })
        )
      )
      const forgedReceipt = await api.post("/store/analytics/track", { events: forged }, headers())
      expect(forgedReceipt.data).toMatchObject({ accepted: 0 })
      expect(forgedReceipt.data.rejected).toHaveLength(forged.length)
      const beaconReceipt = await api.post(
        `/beacon/analytics/track?x-publishable-api-key=${setup.publishableKey}`,
        JSON.stringify({ events: forged.map((e) => ({ ...e, id: `${e.id}_b` })) }),
        { headers: { "content-type": "text/plain", "user-agent": BROWSER_UA } }
      )
      expect(beaconReceipt.data.accepted).toBe(0)
      for (let i = 0; i < 5; i++) {
        await api.post(`/store/ads/${cpc.id}/click`, { session_token: `tok_forged_${i}` }, headers())
        await api.post("/store/ads/impressions", { impressions: [impression(cpm.id, { session_token: `tok_forged_${i}` })] }, headers())
      }
      const [replayed] = (await serve("tok_honest_1")).filter((ad) => ad.id === cpc.id)
      await followLink(replayed.signed_click_url)
      await followLink(replayed.signed_click_url)

      // The waitlist milestones are recorded by a subscriber: wait until both joins are in.
      await pollUntil(
        () => count("monetization_event", (q) => q.where({ type: "WAITLIST_JOIN", event_id: event.productId })),
        (n) => n >= 2
      )

      // Counts straight from the server's own tables.
      const validImpressions = (adId: string) =>
        count("monetization_ad_impression", (q) => q.where({ ad_id: adId }).whereNull("ivt_reason").whereNull("deleted_at"))
      const validClicks = (adId: string) =>
        count("monetization_ad_click", (q) => q.where({ ad_id: adId }).whereNull("ivt_reason").whereNull("deleted_at"))
      const impressions = { cpm: await validImpressions(cpm.id), cpc: await validImpressions(cpc.id) }
      const clicks = { cpm: await validClicks(cpm.id), cpc: await validClicks(cpc.id) }
      const viewable = await count("monetization_ad_impression", (q) =>
        q.where({ event_id: event.productId, viewable: true }).whereNull("ivt_reason")
      )
      const purchases = await count("monetization_offer_purchase", (q) => q.where({ offer_id: offer.id }))
      const holds = await count("monetization_offer_hold", (q) => q.where({ offer_id: offer.id }))
      const joins = await count("monetization_waitlist_entry", (q) => q.where({ session_id: event.variantId }))
      const accepted = await count("monetization_waitlist_entry", (q) => q.where({ session_id: event.variantId }).whereNotNull("accepted_at"))
      // Sanity: the honest traffic is what these tables say, and the forged traffic is there, as invalid.
      expect(impressions).toEqual({ cpm: 3, cpc: 3 })
      expect(clicks).toEqual({ cpm: 0, cpc: 2 })
      expect(joins).toBe(2)
      expect(await count("monetization_ad_click", (q) => q.where({ ad_id: cpc.id }).whereNotNull("ivt_reason"))).toBe(7)

      const admin = await adminHeaders(api, container)
      const { data } = await api.get(`/admin/analytics/events/${event.productId}/monetization`, admin)
      expect(data.ads).toMatchObject({
        total_impressions: impressions.cpm + impressions.cpc,
        total_viewable_impressions: viewable,
        total_clicks: clicks.cpm + clicks.cpc,
      })
      expect(data.revenue.from_ads).toBe((1000 * impressions.cpm) / 1000 + 2 * clicks.cpc)
      expect(data.offers).toMatchObject({
        total_views: 2,
        total_clicks: 1,
        total_add_to_cart: holds,
        total_purchases: purchases,
      })
      expect(data.revenue.from_offers).toBe(0)
      expect(data.waitlist).toMatchObject({
        total_joins: joins,
        offers_accepted: accepted,
        average_wait_time_minutes: null,
        wait_time_samples: 0,
      })

      // The admin ad report agrees, and shows the invalid traffic by reason.
      const cpcStats = (await api.get(`/admin/ads/${cpc.id}`, admin)).data.ad.stats
      expect(cpcStats).toMatchObject({ clicks: clicks.cpc, impressions: impressions.cpc, revenue: 2 * clicks.cpc })
      expect(cpcStats.ivt_reasons.clicks).toEqual({ unsigned: 5, replayed: 1, duplicate_click: 1 })
      const cpmStats = (await api.get(`/admin/ads/${cpm.id}`, admin)).data.ad.stats
      expect(cpmStats).toMatchObject({ impressions: impressions.cpm, ivt_impressions: 5, revenue: impressions.cpm })
      expect(cpmStats.ivt_reasons.impressions).toEqual({ unsigned: 5 })
    })
  },
})
