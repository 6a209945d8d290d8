import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import type AdModuleService from "../../../src/modules/ad/service"
import { adminHeaders } from "../../helpers/auth"
import { createStoreSetup, StoreSetup, storeHeaders } from "../../helpers/store-setup"
import { BROWSER_UA, clearOfCapWindowEdge, createAd, impression, uniqueEventId } from "./fixtures"

jest.setTimeout(300_000)

// A small impression cap so the per-IP-prefix rule can be shown with few requests; clicks keep the default (50).
const IMPRESSION_CAP = 5
process.env.MONETIZATION_OPTIONS = JSON.stringify({ ads: { maxImpressionsPerIpPrefixPerHour: IMPRESSION_CAP } })
const CLICK_CAP = 50

type ServedAd = { id: string; click_url: string; serve_token?: string; signed_click_url?: string }

/** Runs `work` over `items` with at most `limit` in flight. */
async function inBatches<T>(items: T[], limit: number, work: (item: T) => Promise<unknown>) {
  for (let i = 0; i < items.length; i += limit) {
    await Promise.all(items.slice(i, i + limit).map(work))
  }
}

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let setup: StoreSetup
    let eventId: string

    const headers = (extra: Record<string, string> = {}) => ({
      headers: { ...storeHeaders(setup).headers, "user-agent": BROWSER_UA, ...extra },
    })
    const knex = () => getContainer().resolve(ContainerRegistrationKeys.PG_CONNECTION)
    const serveAd = async (sessionToken: string): Promise<ServedAd> => {
      const params = new URLSearchParams({ event_id: eventId, placement: "SIDEBAR", session_token: sessionToken })
      const response = await api.get(`/store/ads?${params}`, headers())
      return response.data.ads[0]
    }
    /** A plain link: no publishable key, no headers but a browser's user agent, redirects not followed. */
    const followLink = (url: string) =>
      api.get(url.replace(/^https?:\/\/[^/]+/, ""), {
        headers: { "user-agent": BROWSER_UA },
        maxRedirects: 0,
        validateStatus: () => true,
      })
    const clickReasons = async (adId: string) =>
      (await knex()("monetization_ad_click").where({ ad_id: adId }).orderBy("created_at").select("ivt_reason")).map(
        (row: { ivt_reason: string | null }) => row.ivt_reason
      )
    const billed = async (type: string, adId: string) =>
      (await knex()("monetization_event").where({ type, entity_id: adId })).length
    const adStats = async (adId: string) => {
      const admin = await adminHeaders(api, getContainer())
      return (await api.get(`/admin/ads/${adId}`, admin)).data.ad.stats
    }

    beforeEach(async () => {
      setup = await createStoreSetup(getContainer(), { withStripe: false })
      eventId = uniqueEventId()
    })

    describe("GET /store/ads signed serves", () => {
      it("answers a serve token and a signed click URL outside /store for a viewer, none without one", async () => {
        const ad = await createAd(getContainer(), eventId)
        const served = await serveAd("tok_viewer")
        expect(served.id).toBe(ad.id)
        expect(served.click_url).toBe("https://sponsor.example.com/landing")
        expect(served.serve_token).toMatch(/^\d+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]{43}$/)
        const url = new URL(served.signed_click_url!)
        expect(url.pathname).toBe(`/ads/${ad.id}/click`)
        expect(url.searchParams.get("v")).toBe("token:tok_viewer")
        expect(url.searchParams.get("t")).toBe(served.serve_token)
        const anonymous = await api.get(`/store/ads?event_id=${eventId}&placement=SIDEBAR`, headers())
        expect(anonymous.data.ads[0]).not.toHaveProperty("signed_click_url")
      })
    })

    describe("POST /store/ads/:id/click without a serve (attack 1)", () => {
      it("records unsigned clicks with no or fresh session tokens as invalid traffic: no billed click, no CPC revenue", async () => {
        const ad = await createAd(getContainer(), eventId, { pricing_model: "CPC", rate: 2 })
        await api.post(`/store/ads/${ad.id}/click`, {}, headers())
        for (let i = 0; i < 5; i++) {
          const response = await api.post(`/store/ads/${ad.id}/click`, { session_token: `fresh_${i}` }, headers())
          expect(response.data.click_url).toBe("https://sponsor.example.com/landing")
        }
        // A serve token of another viewer, and a forged one, are no better.
        const other = await serveAd("tok_someone_else")
        await api.post(`/store/ads/${ad.id}/click`, { session_token: "tok_thief", serve_token: other.serve_token }, headers())
        await api.post(`/store/ads/${ad.id}/click`, { session_token: "tok_forger", serve_token: `9999999999.abcdefghijkl.${"A".repeat(43)}` }, headers())

        expect(await clickReasons(ad.id)).toEqual([...Array(6).fill("unsigned"), "bad_signature", "bad_signature"])
        expect(await billed("AD_CLICK", ad.id)).toBe(0)
        const stats = await adStats(ad.id)
        expect(stats).toMatchObject({ clicks: 0, ivt_clicks: 8, revenue: 0 })
        expect(stats.ivt_reasons.clicks).toEqual({ unsigned: 6, bad_signature: 2 })
      })
    })

    describe("GET /ads/:id/click (the signed click URL)", () => {
      it("works as a plain link, goes only to the ad's stored URL, and bills one click per serve and viewer", async () => {
        const ad = await createAd(getContainer(), eventId, { pricing_model: "CPC", rate: 2 })
        const served = await serveAd("tok_reader")
        const first = await followLink(served.signed_click_url!)
        expect(first.status).toBe(302)
        expect(first.headers.location).toBe("https://sponsor.example.com/landing")

        // Replayed: the same URL again.
        expect((await followLink(served.signed_click_url!)).status).toBe(302)
        // Duplicate per viewer: a second serve to the same viewer, clicked within the window.
        const again = await serveAd("tok_reader")
        await followLink(again.signed_click_url!)
        // Tampered: another viewer put into a signed URL; and no token at all.
        const tampered = new URL(served.signed_click_url!)
        tampered.searchParams.set("v", "token:tok_someone_else")
        await followLink(tampered.toString())
        await followLink(`/ads/${ad.id}/click`)
        // Expired: a serve signed two hours ago (the URL lives ads.signedUrlTtlMinutes = 60).
        const service = getContainer().resolve<AdModuleService>("ad")
        const old = await service.signServeToken(ad.id, "token:tok_late", new Date(Date.now() - 2 * 3_600_000))
        await followLink(`/ads/${ad.id}/click?v=token:tok_late&t=${encodeURIComponent(old.token)}`)

        expect(await clickReasons(ad.id)).toEqual([null, "replayed", "duplicate_click", "bad_signature", "unsigned", "expired"])
        expect(await billed("AD_CLICK", ad.id)).toBe(1)
        const stats = await adStats(ad.id)
        expect(stats).toMatchObject({ clicks: 1, ivt_clicks: 5, revenue: 2 })
        expect(stats.ivt_reasons.clicks).toEqual({ replayed: 1, duplicate_click: 1, bad_signature: 1, unsigned: 1, expired: 1 })
      })

      it("answers 404 for an unknown ad and 400 for an unknown parameter, and never redirects elsewhere", async () => {
        const missing = await followLink("/ads/mad_missing/click")
        expect(missing.status).toBe(404)
        const ad = await createAd(getContainer(), eventId)
        const served = await serveAd("tok_redirect")
        const withTarget = await followLink(`${served.signed_click_url}&url=https://evil.example.com`)
        expect(withTarget.status).toBe(400)
      })

      it("bills at most the hourly cap of one IP prefix: 500 clicks under 500 fresh session tokens", async () => {
        const ad = await createAd(getContainer(), eventId, { pricing_model: "CPC", rate: 1 })
        // The cap counts per clock hour: start well clear of the hour's edge.
        await clearOfCapWindowEdge(1, 60_000)
        const tokens = Array.from({ length: 500 }, (_, i) => `tok_sybil_${i}`)
        await inBatches(tokens, 10, async (token) => {
          const served = await serveAd(token)
          const response = await followLink(served.signed_click_url!)
          expect(response.status).toBe(302)
        })
        const reasons = await clickReasons(ad.id)
        expect(reasons).toHaveLength(500)
        expect(reasons.filter((reason) => reason === null)).toHaveLength(CLICK_CAP)
        expect(reasons.filter((reason) => reason === "ip_rate_limited")).toHaveLength(500 - CLICK_CAP)
        expect(await billed("AD_CLICK", ad.id)).toBe(CLICK_CAP)
        expect(await adStats(ad.id)).toMatchObject({ clicks: CLICK_CAP, revenue: CLICK_CAP })
      })
    })

    describe("POST /store/ads/impressions without a serve", () => {
      it("stores impressions without a valid serve token as invalid traffic: no billed impression, no CPM revenue", async () => {
        const ad = await createAd(getContainer(), eventId, { pricing_model: "CPM", rate: 1000 })
        const other = await serveAd("tok_other")
        const response = await api.post(
          "/store/ads/impressions",
          {
            impressions: [
              impression(ad.id, { session_token: "tok_a" }),
              impression(ad.id, { session_token: "tok_b", serve_token: other.serve_token }),
              impression(ad.id, { session_token: "tok_other", serve_token: other.serve_token }),
            ],
          },
          headers()
        )
        expect(response.data).toMatchObject({ accepted: 3, invalid_traffic: 2 })
        expect(await billed("AD_IMPRESSION", ad.id)).toBe(1)
        const stats = await adStats(ad.id)
        expect(stats).toMatchObject({ impressions: 1, ivt_impressions: 2, revenue: 1 })
        expect(stats.ivt_reasons.impressions).toEqual({ unsigned: 1, bad_signature: 1 })
      })

      it("bills at most the hourly impression cap of one IP prefix, across concurrent batches", async () => {
        const ad = await createAd(getContainer(), eventId, { pricing_model: "CPM", rate: 1000 })
        await clearOfCapWindowEdge(1)
        const tokens = Array.from({ length: 12 }, (_, i) => `tok_imp_${i}`)
        const served = await Promise.all(tokens.map((token) => serveAd(token)))
        await Promise.all(
          tokens.map((token, i) =>
            api.post(
              "/store/ads/impressions",
              { impressions: [impression(ad.id, { session_token: token, serve_token: served[i].serve_token })] },
              headers()
            )
          )
        )
        const rows = await knex()("monetization_ad_impression").where({ ad_id: ad.id }).select("ivt_reason")
        expect(rows.filter((row: { ivt_reason: string | null }) => row.ivt_reason === null)).toHaveLength(IMPRESSION_CAP)
        expect(rows.filter((row: { ivt_reason: string | null }) => row.ivt_reason === "ip_rate_limited")).toHaveLength(12 - IMPRESSION_CAP)
        expect(await billed("AD_IMPRESSION", ad.id)).toBe(IMPRESSION_CAP)
      })
    })
  },
})
