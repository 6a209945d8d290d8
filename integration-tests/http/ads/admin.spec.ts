import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { adminHeaders } from "../../helpers/auth"
import { createStoreSetup, StoreSetup, storeHeaders } from "../../helpers/store-setup"
import { BROWSER_UA, clearOfCapWindowEdge, impression, uniqueEventId } from "./fixtures"

jest.setTimeout(300_000)

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let admin: { headers: Record<string, string> }
    let eventId: string

    const body = (overrides: Record<string, unknown> = {}) => ({
      event_id: eventId,
      name: "Main sponsor",
      content_type: "BANNER",
      media_url: "https://cdn.example.com/banner.png",
      click_url: "https://sponsor.example.com/landing",
      placements: ["EVENT_HERO", "SIDEBAR"],
      sponsor_name: "ACME",
      ...overrides,
    })

    beforeEach(async () => {
      admin = await adminHeaders(api, getContainer())
      eventId = uniqueEventId()
    })

    describe("POST /admin/ads", () => {
      it("creates an ad with defaults and answers it with zeroed stats", async () => {
        const response = await api.post(
          "/admin/ads",
          body({ pricing_model: "CPM", rate: 12.5, currency_code: "USD", frequency_cap: 3, frequency_window_hours: 12 }),
          admin
        )
        expect(response.status).toBe(200)
        expect(response.data.ad).toMatchObject({
          id: expect.stringMatching(/^mad_/),
          event_id: eventId,
          content_type: "BANNER",
          placements: ["EVENT_HERO", "SIDEBAR"],
          target_sessions: [],
          weight: 1,
          display_duration_seconds: 30,
          aspect_ratio: "16:9",
          frequency_cap: 3,
          frequency_window_hours: 12,
          is_active: true,
          is_archived: false,
          pricing_model: "CPM",
          rate: 12.5,
          currency_code: "usd",
          stats: { impressions: 0, viewable_impressions: 0, clicks: 0, ctr: 0, viewable_ctr: 0, revenue: 0 },
        })
      })

      it("applies the seed's defaults (3 per viewer per 24 h, 30 s, 16:9), each overridable, and serves by them", async () => {
        const defaults = (await api.post("/admin/ads", body(), admin)).data.ad
        expect(defaults).toMatchObject({ frequency_cap: 3, frequency_window_hours: 24, display_duration_seconds: 30, aspect_ratio: "16:9" })
        const custom = (
          await api.post(
            "/admin/ads",
            body({ frequency_cap: null, display_duration_seconds: 8, aspect_ratio: null, placements: ["CHECKOUT"] }),
            admin
          )
        ).data.ad
        expect(custom).toMatchObject({ frequency_cap: null, display_duration_seconds: 8, aspect_ratio: null })
        const updated = (await api.post(`/admin/ads/${defaults.id}`, { frequency_cap: 5, aspect_ratio: "4:1" }, admin)).data.ad
        expect(updated).toMatchObject({ frequency_cap: 5, frequency_window_hours: 24, display_duration_seconds: 30, aspect_ratio: "4:1" })

        // The default cap holds for a viewer: the capped ad is served 3 times, the uncapped one every time.
        const setup = await createStoreSetup(getContainer(), { withStripe: false })
        await api.post(`/admin/ads/${defaults.id}`, { frequency_cap: 3 }, admin)
        const serveAndSee = async (placement: string) => {
          const params = new URLSearchParams({ event_id: eventId, placement, session_token: "tok_defaults" })
          const served = (await api.get(`/store/ads?${params}`, storeHeaders(setup))).data.ads
          if (served.length) {
            const imp = impression(served[0].id, { placement, session_token: "tok_defaults", serve_token: served[0].serve_token })
            await api.post("/store/ads/impressions", { impressions: [imp] }, { headers: { ...storeHeaders(setup).headers, "user-agent": BROWSER_UA } })
          }
          return served.length
        }
        await clearOfCapWindowEdge(24)
        const hero: number[] = []
        const checkout: number[] = []
        for (let i = 0; i < 5; i++) {
          hero.push(await serveAndSee("EVENT_HERO"))
          checkout.push(await serveAndSee("CHECKOUT"))
        }
        expect(hero).toEqual([1, 1, 1, 0, 0])
        expect(checkout).toEqual([1, 1, 1, 1, 1])
      })

      it.each([
        ["a missing field", { name: undefined }, /name/],
        ["an unknown content type", { content_type: "POPUP" }, /content_type/],
        ["an unknown placement", { placements: ["FOOTER"] }, /placements/],
        ["no placement", { placements: [] }, /placement/],
        ["a negative weight", { weight: -1 }, /weight/],
        ["a schedule that ends before it starts", { starts_at: "2026-06-02T00:00:00Z", ends_at: "2026-06-01T00:00:00Z" }, /ends_at must be after starts_at/],
        ["an equal start and end", { starts_at: "2026-06-01T00:00:00Z", ends_at: "2026-06-01T00:00:00Z" }, /ends_at must be after starts_at/],
        ["a non-http media URL", { media_url: "ftp://cdn.example.com/a.png" }, /media_url must be a well-formed http\(s\) URL/],
        ["a javascript: click URL", { click_url: "javascript:alert(1)" }, /click_url/],
        ["a malformed URL", { click_url: "not a url" }, /click_url/],
        ["a zero frequency cap", { frequency_cap: 0 }, /frequency_cap/],
        ["a zero cap window", { frequency_cap: 2, frequency_window_hours: 0 }, /frequency_window_hours/],
        ["an unknown pricing model", { pricing_model: "CPA" }, /pricing_model/],
        ["a CPC ad without rate", { pricing_model: "CPC", rate: 0 }, /rate above 0/],
        ["a negative rate", { rate: -5 }, /rate/],
        ["a bad currency", { currency_code: "euro" }, /currency_code/],
        ["an unknown field", { color: "red" }, /color/],
      ])("answers 400 for %s", async (_label, overrides, message) => {
        const error = await api.post("/admin/ads", body(overrides), admin).catch((e) => e.response)
        expect(error.status).toBe(400)
        expect(error.data.type).toBe("invalid_data")
        expect(error.data.message).toMatch(message)
      })

      it("answers 401 without an admin", async () => {
        const error = await api.post("/admin/ads", body()).catch((e) => e.response)
        expect(error.status).toBe(401)
      })
    })

    describe("GET /admin/ads", () => {
      it("lists ads with filters, pagination and delivery stats by price model", async () => {
        const cpm = (await api.post("/admin/ads", body({ name: "CPM", pricing_model: "CPM", rate: 20 }), admin)).data.ad
        const cpc = (await api.post("/admin/ads", body({ name: "CPC", pricing_model: "CPC", rate: 0.5 }), admin)).data.ad
        const flat = (await api.post("/admin/ads", body({ name: "Flat", rate: 300 }), admin)).data.ad
        await api.post("/admin/ads", body({ event_id: "prod_other" }), admin)

        const setup: StoreSetup = await createStoreSetup(getContainer(), { withStripe: false })
        const store = { headers: { ...storeHeaders(setup).headers, "user-agent": BROWSER_UA } }
        // Billable traffic is tied to a serve of the ad to the viewer: each viewer is served first.
        const serveTokens = async (sessionToken: string) => {
          const params = new URLSearchParams({ event_id: eventId, placement: "SIDEBAR", session_token: sessionToken, limit: "10" })
          const ads: { id: string; serve_token: string }[] = (await api.get(`/store/ads?${params}`, store)).data.ads
          return Object.fromEntries(ads.map((ad) => [ad.id, ad.serve_token]))
        }
        const anon = await serveTokens("tok_anon")
        const impressions = [
          impression(cpm.id, { viewable: true, serve_token: anon[cpm.id] }),
          impression(cpm.id, { viewable: true, serve_token: anon[cpm.id] }),
          impression(cpm.id, { serve_token: anon[cpm.id] }),
          impression(cpm.id, { serve_token: anon[cpm.id] }),
          impression(cpc.id, { viewable: true, serve_token: anon[cpc.id] }),
          impression(cpc.id, { serve_token: anon[cpc.id] }),
        ]
        await api.post("/store/ads/impressions", { impressions }, store)
        await api.post(
          "/store/ads/impressions",
          { impressions: [impression(cpm.id)] },
          { headers: { ...store.headers, "user-agent": "Googlebot/2.1" } }
        )
        const click = (adId: string, sessionToken: string, tokens: Record<string, string>, headers = store) =>
          api.post(`/store/ads/${adId}/click`, { session_token: sessionToken, serve_token: tokens[adId] }, headers)
        await click(cpm.id, "tok_anon", anon)
        // Two viewers click the CPC ad (one viewer's second click would be a duplicate), and a bot.
        await click(cpc.id, "tok_c1", await serveTokens("tok_c1"))
        await click(cpc.id, "tok_c2", await serveTokens("tok_c2"))
        await click(cpc.id, "tok_c3", await serveTokens("tok_c3"), { headers: { ...store.headers, "user-agent": "curl/8" } })

        const response = await api.get(`/admin/ads?event_id=${eventId}&order=created_at`, admin)
        expect(response.status).toBe(200)
        expect(response.data).toMatchObject({ count: 3, offset: 0, limit: 20 })
        const byName = Object.fromEntries(response.data.ads.map((ad: { name: string }) => [ad.name, ad]))
        expect(byName.CPM.stats).toEqual({
          impressions: 4,
          viewable_impressions: 2,
          clicks: 1,
          ivt_impressions: 1,
          ivt_clicks: 0,
          ivt_reasons: { impressions: { bot_user_agent: 1 }, clicks: {} },
          ctr: 0.25,
          viewable_ctr: 0.5,
          revenue: 0.08,
        })
        expect(byName.CPC.stats).toMatchObject({ impressions: 2, clicks: 2, ivt_clicks: 1, ctr: 1, viewable_ctr: 2, revenue: 1 })
        expect(byName.CPC.stats.ivt_reasons).toEqual({ impressions: {}, clicks: { bot_user_agent: 1 } })
        expect(byName.Flat.stats).toMatchObject({ impressions: 0, revenue: 300 })
        expect(flat.id).toBeDefined()

        const page = await api.get(`/admin/ads?event_id=${eventId}&limit=2&offset=2`, admin)
        expect(page.data).toMatchObject({ count: 3, offset: 2, limit: 2 })
        expect(page.data.ads).toHaveLength(1)

        await api.delete(`/admin/ads/${flat.id}`, admin)
        const live = await api.get(`/admin/ads?event_id=${eventId}&is_archived=false`, admin)
        expect(live.data.ads.map((ad: { id: string }) => ad.id).sort()).toEqual([cpm.id, cpc.id].sort())

        const bad = await api.get("/admin/ads?limit=1000", admin).catch((e) => e.response)
        expect(bad.status).toBe(400)
        const unknown = await api.get("/admin/ads?color=red", admin).catch((e) => e.response)
        expect(unknown.status).toBe(400)
      })
    })

    describe("GET /admin/ads?placement=", () => {
      it("lists the ads that may show in a placement, among their others", async () => {
        const hero = (await api.post("/admin/ads", body({ name: "Hero only", placements: ["EVENT_HERO"] }), admin)).data.ad
        const both = (await api.post("/admin/ads", body({ name: "Hero and sidebar" }), admin)).data.ad
        const checkout = (await api.post("/admin/ads", body({ name: "Checkout", placements: ["CHECKOUT"] }), admin)).data.ad

        const ids = async (placement: string) =>
          (await api.get(`/admin/ads?event_id=${eventId}&placement=${placement}`, admin)).data.ads
            .map((ad: { id: string }) => ad.id)
            .sort()
        expect(await ids("EVENT_HERO")).toEqual([hero.id, both.id].sort())
        expect(await ids("SIDEBAR")).toEqual([both.id])
        expect(await ids("CHECKOUT")).toEqual([checkout.id])
        expect(await ids("IN_EVENT")).toEqual([])

        const counted = await api.get(`/admin/ads?event_id=${eventId}&placement=EVENT_HERO&limit=1`, admin)
        expect(counted.data).toMatchObject({ count: 2, limit: 1 })
        expect(counted.data.ads[0].stats).toMatchObject({ impressions: 0 })

        const bad = await api.get(`/admin/ads?placement=FOOTER`, admin).catch((e) => e.response)
        expect(bad.status).toBe(400)
        expect(bad.data.message).toMatch(/placement/)
      })
    })

    describe("GET|POST|DELETE /admin/ads/:id", () => {
      it("reads, updates and archives an ad", async () => {
        const created = (await api.post("/admin/ads", body({ starts_at: "2026-06-01T00:00:00Z" }), admin)).data.ad
        const read = await api.get(`/admin/ads/${created.id}`, admin)
        expect(read.data.ad).toMatchObject({ id: created.id, stats: { impressions: 0 } })

        const updated = await api.post(
          `/admin/ads/${created.id}`,
          { weight: 3.5, placements: ["CHECKOUT"], target_sessions: ["variant_1"], ends_at: "2026-07-01T00:00:00Z" },
          admin
        )
        expect(updated.data.ad).toMatchObject({
          weight: 3.5,
          placements: ["CHECKOUT"],
          target_sessions: ["variant_1"],
          ends_at: "2026-07-01T00:00:00.000Z",
          name: "Main sponsor",
        })

        const deleted = await api.delete(`/admin/ads/${created.id}`, admin)
        expect(deleted.data).toEqual({ id: created.id, object: "ad", deleted: true })
        const archived = await api.get(`/admin/ads/${created.id}`, admin)
        expect(archived.data.ad).toMatchObject({ is_archived: true, is_active: false })

        const locked = await api.post(`/admin/ads/${created.id}`, { name: "Renamed" }, admin).catch((e) => e.response)
        expect(locked.status).toBe(400)
        expect(locked.data.message).toMatch(/archived/)
      })

      it("checks the schedule against the stored ad and leaves it unchanged on error", async () => {
        const created = (await api.post("/admin/ads", body({ starts_at: "2026-06-10T00:00:00Z" }), admin)).data.ad
        const error = await api
          .post(`/admin/ads/${created.id}`, { ends_at: "2026-06-01T00:00:00Z", name: "Changed" }, admin)
          .catch((e) => e.response)
        expect(error.status).toBe(400)
        expect(error.data.message).toMatch(/ends_at must be after starts_at/)
        const row = await getContainer()
          .resolve(ContainerRegistrationKeys.PG_CONNECTION)("monetization_ad")
          .where({ id: created.id })
          .first()
        expect(row).toMatchObject({ name: "Main sponsor", ends_at: null })
      })

      it("answers 404 for an unknown ad and 400 for a bad update", async () => {
        for (const call of [
          api.get("/admin/ads/mad_missing", admin),
          api.post("/admin/ads/mad_missing", { name: "x" }, admin),
          api.delete("/admin/ads/mad_missing", admin),
        ]) {
          const error = await call.catch((e) => e.response)
          expect(error.status).toBe(404)
        }
        const created = (await api.post("/admin/ads", body(), admin)).data.ad
        for (const update of [{ weight: -2 }, { content_type: "POPUP" }, { click_url: "mailto:x@y.z" }, { is_archived: false }]) {
          const error = await api.post(`/admin/ads/${created.id}`, update, admin).catch((e) => e.response)
          expect(error.status).toBe(400)
        }
      })
    })
  },
})
