import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { archiveAdWorkflow, updateAdWorkflow } from "../../../src/workflows/ad"
import { createCustomer } from "../../helpers/auth"
import { createStoreSetup, StoreSetup, storeHeaders } from "../../helpers/store-setup"
import { BROWSER_UA, createAd, impression, pollUntil, uniqueEventId } from "./fixtures"

jest.setTimeout(300_000)

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let setup: StoreSetup
    let eventId: string

    const headers = (extra: Record<string, string> = {}, token?: string) => ({
      headers: { ...storeHeaders(setup, token).headers, "user-agent": BROWSER_UA, ...extra },
    })
    const knex = () => getContainer().resolve(ContainerRegistrationKeys.PG_CONNECTION)
    type ServedAd = { id: string; serve_token?: string; signed_click_url?: string }
    const serveAds = async (query: Record<string, string | number> = {}, token?: string) => {
      const params = new URLSearchParams({ event_id: eventId, placement: "SIDEBAR", ...query } as Record<string, string>)
      const response = await api.get(`/store/ads?${params}`, headers({}, token))
      return response.data.ads as ServedAd[]
    }
    const serve = async (query: Record<string, string | number> = {}, token?: string) =>
      (await serveAds(query, token)).map((ad) => ad.id)
    /** The serve token the viewer got for the ad: what makes its impressions and clicks billable. */
    const serveToken = async (adId: string, sessionToken = "tok_anon", customerToken?: string) => {
      const served = await serveAds({ session_token: sessionToken, limit: 10 }, customerToken)
      return served.find((ad) => ad.id === adId)!.serve_token!
    }

    beforeEach(async () => {
      setup = await createStoreSetup(getContainer(), { withStripe: false })
      eventId = uniqueEventId()
    })

    describe("GET /store/ads", () => {
      it("answers eligible ads without repeats, with public fields only, and logs AD_SERVE", async () => {
        const ads = await Promise.all([
          createAd(getContainer(), eventId, { name: "A", weight: 1, pricing_model: "CPM", rate: 9 }),
          createAd(getContainer(), eventId, { name: "B", weight: 5 }),
          createAd(getContainer(), eventId, { name: "C", weight: 0.5 }),
        ])
        const response = await api.get(`/store/ads?event_id=${eventId}&placement=SIDEBAR&limit=10`, headers())
        expect(response.status).toBe(200)
        expect(response.data).toMatchObject({ count: 3, offset: 0, limit: 10 })
        const ids = response.data.ads.map((ad: { id: string }) => ad.id)
        expect(new Set(ids).size).toBe(3)
        expect(ids.sort()).toEqual(ads.map((ad) => ad.id).sort())
        expect(response.data.ads[0]).not.toHaveProperty("rate")
        expect(response.data.ads[0]).not.toHaveProperty("pricing_model")
        expect(response.data.ads[0]).toHaveProperty("click_url")

        const one = await serve({ limit: 1 })
        expect(one).toHaveLength(1)

        const serves = await pollUntil(
          () => knex()("monetization_event").where({ type: "AD_SERVE" }).select("*"),
          (rows) => rows.length >= 4
        )
        expect(serves).toHaveLength(4)
        expect(serves[0]).toMatchObject({ source: "server", event_id: eventId })
      })

      it("serves only the placement, targeted sessions and active ads", async () => {
        const sidebar = await createAd(getContainer(), eventId)
        await createAd(getContainer(), eventId, { placements: ["CHECKOUT"] })
        const targeted = await createAd(getContainer(), eventId, { target_sessions: ["variant_session_1"] })
        await createAd(getContainer(), eventId, { is_active: false })
        expect((await serve({ limit: 10 })).sort()).toEqual([sidebar.id])
        expect((await serve({ limit: 10, session_id: "variant_session_1" })).sort()).toEqual([sidebar.id, targeted.id].sort())
        expect(await serve({ limit: 10, session_id: "variant_session_2" })).toEqual([sidebar.id])
      })

      it("honours the schedule boundaries", async () => {
        const now = Date.now()
        const running = await createAd(getContainer(), eventId, {
          starts_at: new Date(now - 1_000).toISOString(),
          ends_at: new Date(now + 3_600_000).toISOString(),
        })
        await createAd(getContainer(), eventId, { starts_at: new Date(now + 60_000).toISOString() })
        await createAd(getContainer(), eventId, {
          starts_at: new Date(now - 7_200_000).toISOString(),
          ends_at: new Date(now - 1).toISOString(),
        })
        expect(await serve({ limit: 10 })).toEqual([running.id])
      })

      it("drops the cache on change: an archived or rescheduled ad stops serving at once", async () => {
        const ad = await createAd(getContainer(), eventId)
        expect(await serve()).toEqual([ad.id])
        await updateAdWorkflow(getContainer()).run({
          input: { id: ad.id, update: { starts_at: new Date(Date.now() + 3_600_000).toISOString() } },
        })
        expect(await serve()).toEqual([])
        await updateAdWorkflow(getContainer()).run({ input: { id: ad.id, update: { starts_at: null } } })
        expect(await serve()).toEqual([ad.id])
        await archiveAdWorkflow(getContainer()).run({ input: { id: ad.id } })
        expect(await serve()).toEqual([])
      })

      it("enforces the frequency cap for an anonymous viewer (Postgres counts)", async () => {
        const capped = await createAd(getContainer(), eventId, { frequency_cap: 2, frequency_window_hours: 1 })
        const [served] = await serveAds({ session_token: "tok_anon" })
        expect(served.id).toBe(capped.id)
        await api.post(
          "/store/ads/impressions",
          {
            impressions: [
              impression(capped.id, { serve_token: served.serve_token }),
              impression(capped.id, { serve_token: served.serve_token }),
            ],
          },
          headers()
        )
        expect(await serve({ session_token: "tok_anon" })).toEqual([])
        expect(await serve({ session_token: "tok_other" })).toEqual([capped.id])
        // An impression older than the window no longer counts.
        await knex()("monetization_ad_impression").update({ occurred_at: new Date(Date.now() - 2 * 3_600_000) })
        expect(await serve({ session_token: "tok_anon" })).toEqual([capped.id])
      })

      it("enforces the cap for a logged-in customer across devices", async () => {
        const capped = await createAd(getContainer(), eventId, { frequency_cap: 1 })
        const customer = await createCustomer(api, setup.publishableKey, "attendee@test.dev")
        const serve_token = await serveToken(capped.id, "tok_phone", customer.token)
        await api.post(
          "/store/ads/impressions",
          { impressions: [impression(capped.id, { session_token: "tok_phone", serve_token })] },
          headers({}, customer.token)
        )
        expect(await serve({ session_token: "tok_laptop" }, customer.token)).toEqual([])
        expect(await serve({ session_token: "tok_laptop" })).toEqual([capped.id])
      })

      it("does not count invalid traffic toward the cap", async () => {
        const capped = await createAd(getContainer(), eventId, { frequency_cap: 1 })
        await api.post(
          "/store/ads/impressions",
          { impressions: [impression(capped.id)] },
          headers({ "user-agent": "Googlebot/2.1 (+http://www.google.com/bot.html)" })
        )
        expect(await serve({ session_token: "tok_anon" })).toEqual([capped.id])
      })

      it("answers 400 for a missing event, a bad placement or limit, and unknown params", async () => {
        for (const query of [
          "placement=SIDEBAR",
          `event_id=${eventId}&placement=NOWHERE`,
          `event_id=${eventId}&placement=SIDEBAR&limit=0`,
          `event_id=${eventId}&placement=SIDEBAR&limit=11`,
          `event_id=${eventId}&placement=SIDEBAR&color=red`,
        ]) {
          const error = await api.get(`/store/ads?${query}`, headers()).catch((e) => e.response)
          expect(error.status).toBe(400)
          expect(error.data.type).toBe("invalid_data")
        }
        const noKey = await api.get(`/store/ads?event_id=${eventId}&placement=SIDEBAR`).catch((e) => e.response)
        expect(noKey.status).toBe(400)
      })
    })

    describe("POST /store/ads/impressions", () => {
      it("answers a 202 receipt, stores valid impressions and feeds analytics", async () => {
        const ad = await createAd(getContainer(), eventId)
        const serve_token = await serveToken(ad.id)
        const response = await api.post(
          "/store/ads/impressions",
          {
            impressions: [
              impression(ad.id, { serve_token }),
              impression(ad.id, { viewable: true, session_id: "variant_session_1", serve_token }),
              impression("mad_missing"),
              impression(ad.id, { placement: "NOWHERE" }),
              impression(ad.id, { timestamp: "2001-01-01T00:00:00Z" }),
            ],
          },
          headers()
        )
        expect(response.status).toBe(202)
        expect(response.data).toEqual({
          status: "accepted",
          queued: 0,
          accepted: 2,
          duplicates: 0,
          rejected: [
            { index: 2, reason: "ad_id: ad mad_missing does not exist" },
            { index: 3, reason: expect.stringMatching(/^placement/) },
            { index: 4, reason: "timestamp: too far in the past" },
          ],
          upgraded: 0,
          invalid_traffic: 0,
        })
        const rows = await knex()("monetization_ad_impression").select("*")
        expect(rows).toHaveLength(2)
        expect(rows.every((row: { viewer_key: string; ip_prefix: string }) => row.viewer_key === "token:tok_anon")).toBe(true)
        const events = await knex()("monetization_event").whereIn("type", ["AD_IMPRESSION", "AD_VIEWABLE_IMPRESSION"])
        expect(events.map((e: { type: string }) => e.type).sort()).toEqual([
          "AD_IMPRESSION",
          "AD_IMPRESSION",
          "AD_VIEWABLE_IMPRESSION",
        ])
      })

      it("counts a duplicate id once and upgrades it when re-reported as viewable", async () => {
        const ad = await createAd(getContainer(), eventId)
        const first = impression(ad.id, { serve_token: await serveToken(ad.id) })
        await api.post("/store/ads/impressions", { impressions: [first] }, headers())
        const retry = await api.post("/store/ads/impressions", { impressions: [first, first] }, headers())
        expect(retry.data).toMatchObject({ accepted: 0, duplicates: 2, upgraded: 0 })
        const upgrade = await api.post("/store/ads/impressions", { impressions: [{ ...first, viewable: true }] }, headers())
        expect(upgrade.data).toMatchObject({ accepted: 0, duplicates: 1, upgraded: 1 })
        const again = await api.post("/store/ads/impressions", { impressions: [{ ...first, viewable: true }] }, headers())
        expect(again.data).toMatchObject({ accepted: 0, duplicates: 1, upgraded: 0 })
        const rows = await knex()("monetization_ad_impression").select("*")
        expect(rows).toHaveLength(1)
        expect(rows[0].viewable).toBe(true)
        const events = await knex()("monetization_event").whereIn("type", ["AD_IMPRESSION", "AD_VIEWABLE_IMPRESSION"])
        expect(events).toHaveLength(2)
      })

      it("stores bot and prefetch impressions with a reason instead of dropping them", async () => {
        const ad = await createAd(getContainer(), eventId)
        const bot = await api.post(
          "/store/ads/impressions",
          { impressions: [impression(ad.id)] },
          headers({ "user-agent": "python-requests/2.31" })
        )
        expect(bot.data).toMatchObject({ accepted: 1, invalid_traffic: 1 })
        const prefetch = await api.post(
          "/store/ads/impressions",
          { impressions: [impression(ad.id)] },
          headers({ "sec-purpose": "prefetch" })
        )
        expect(prefetch.data).toMatchObject({ accepted: 1, invalid_traffic: 1 })
        const reasons = (await knex()("monetization_ad_impression").select("ivt_reason")).map(
          (row: { ivt_reason: string }) => row.ivt_reason
        )
        expect(reasons.sort()).toEqual(["bot_user_agent", "prefetch"])
        expect(await knex()("monetization_event").where({ type: "AD_IMPRESSION" })).toHaveLength(0)
      })

      it("accepts text/plain beacon bodies and answers 400 for bad batches", async () => {
        const ad = await createAd(getContainer(), eventId)
        const beacon = await api.post("/store/ads/impressions", JSON.stringify({ impressions: [impression(ad.id)] }), {
          headers: { ...headers().headers, "content-type": "text/plain;charset=UTF-8" },
        })
        expect(beacon.status).toBe(202)
        expect(beacon.data.accepted).toBe(1)
        for (const body of [{ impressions: [] }, {}, { impressions: [impression(ad.id)], extra: 1 }]) {
          const error = await api.post("/store/ads/impressions", body, headers()).catch((e) => e.response)
          expect(error.status).toBe(400)
        }
        const tooMany = await api
          .post("/store/ads/impressions", { impressions: Array.from({ length: 201 }, () => impression(ad.id)) }, headers())
          .catch((e) => e.response)
        expect(tooMany.status).toBe(400)
      })
    })

    describe("POST|GET /store/ads/:id/click", () => {
      it("POST with the ad's serve token records one billable click and answers the ad's stored URL", async () => {
        const ad = await createAd(getContainer(), eventId)
        const body = { session_token: "tok_anon", placement: "SIDEBAR", serve_token: await serveToken(ad.id) }
        const first = await api.post(`/store/ads/${ad.id}/click`, body, headers())
        expect(first.status).toBe(200)
        expect(first.data).toEqual({ click_url: "https://sponsor.example.com/landing" })
        // The same serve clicked again is a replay: stored, never billed.
        await api.post(`/store/ads/${ad.id}/click`, body, headers())
        const clicks = await knex()("monetization_ad_click").select("*").orderBy("created_at")
        expect(clicks.map((row: { ivt_reason: string | null }) => row.ivt_reason)).toEqual([null, "replayed"])
        expect(clicks[0]).toMatchObject({ viewer_key: "token:tok_anon", placement: "SIDEBAR" })
        expect(await knex()("monetization_event").where({ type: "AD_CLICK" })).toHaveLength(1)
        const noBody = await api.post(`/store/ads/${ad.id}/click`, {}, headers())
        expect(noBody.data.click_url).toBe(ad.click_url)
      })

      it("GET /store/ads/:id/click redirects with 302 to the ad's stored URL", async () => {
        const ad = await createAd(getContainer(), eventId)
        const serve_token = await serveToken(ad.id)
        const response = await api.get(
          `/store/ads/${ad.id}/click?session_token=tok_anon&serve_token=${encodeURIComponent(serve_token)}`,
          { ...headers(), maxRedirects: 0, validateStatus: () => true }
        )
        expect(response.status).toBe(302)
        expect(response.headers.location).toBe("https://sponsor.example.com/landing")
        expect(await knex()("monetization_ad_click").whereNull("ivt_reason")).toHaveLength(1)
      })

      it("stores prefetches, bots and too-fast clicks as invalid traffic", async () => {
        const ad = await createAd(getContainer(), eventId)
        const prefetch = await api.get(`/store/ads/${ad.id}/click?session_token=tok_prefetch`, {
          headers: { ...headers().headers, purpose: "prefetch" },
          maxRedirects: 0,
          validateStatus: () => true,
        })
        expect(prefetch.status).toBe(302)
        await api.post(
          `/store/ads/${ad.id}/click`,
          { session_token: "tok_bot", serve_token: await serveToken(ad.id, "tok_bot") },
          headers({ "user-agent": "curl/8.4.0" })
        )
        // The impression is moved to "just now" right before the click. The click must land within the
        // next 1.5 s; a machine too busy for that tries again with a new viewer.
        let fastViewer = ""
        for (let attempt = 1; attempt <= 3; attempt++) {
          const token = `tok_fast${attempt}`
          fastViewer = `token:${token}`
          const serve_token = await serveToken(ad.id, token)
          await api.post("/store/ads/impressions", { impressions: [impression(ad.id, { session_token: token, serve_token })] }, headers())
          const started = Date.now()
          await knex()("monetization_ad_impression")
            .where({ viewer_key: fastViewer })
            .update({ occurred_at: knex().raw("now() + interval '500 milliseconds'") })
          await api.post(`/store/ads/${ad.id}/click`, { session_token: token, serve_token }, headers())
          if (Date.now() - started < 1_200) {
            break
          }
        }
        // A click long after the impression is valid.
        const slowToken = await serveToken(ad.id, "tok_slow")
        await api.post(
          "/store/ads/impressions",
          { impressions: [impression(ad.id, { session_token: "tok_slow", serve_token: slowToken })] },
          headers()
        )
        await api.post(`/store/ads/${ad.id}/click`, { session_token: "tok_slow", serve_token: slowToken }, headers())
        const clicks: { viewer_key: string; ivt_reason: string | null }[] = await knex()("monetization_ad_click").select(
          "viewer_key",
          "ivt_reason"
        )
        const reasons = Object.fromEntries(clicks.map((row) => [row.viewer_key, row.ivt_reason]))
        expect(reasons).toMatchObject({
          "token:tok_prefetch": "prefetch",
          "token:tok_bot": "bot_user_agent",
          [fastViewer]: "click_too_fast",
          "token:tok_slow": null,
        })
        // Only valid clicks become AD_CLICK events (a retried fast click that came too late is valid).
        const valid = clicks.filter((row) => row.ivt_reason === null)
        expect(await knex()("monetization_event").where({ type: "AD_CLICK" })).toHaveLength(valid.length)
      })

      it("answers 404 for an unknown ad and 400 for a bad body", async () => {
        const missing = await api.post("/store/ads/mad_missing/click", {}, headers()).catch((e) => e.response)
        expect(missing.status).toBe(404)
        const missingGet = await api
          .get("/store/ads/mad_missing/click", { ...headers(), maxRedirects: 0 })
          .catch((e) => e.response)
        expect(missingGet.status).toBe(404)
        const ad = await createAd(getContainer(), eventId)
        const bad = await api.post(`/store/ads/${ad.id}/click`, { click_id: "x" }, headers()).catch((e) => e.response)
        expect(bad.status).toBe(400)
      })
    })
  },
})
