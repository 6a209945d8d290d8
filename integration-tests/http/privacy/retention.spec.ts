import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import purgeExpiredTrackingDataJob from "../../../src/jobs/purge-expired-tracking-data"
import { purgeExpiredTrackingData } from "../../../src/lib/retention/purge-expired-tracking-data"
import { adminHeaders } from "../../helpers/auth"
import { createStoreSetup, StoreSetup, storeHeaders } from "../../helpers/store-setup"
import { createRunningAbTest, trackAll, variantFixture } from "../ab-tests/fixtures"

jest.setTimeout(180_000)

const DAY_MS = 86_400_000
const OLD = new Date(Date.now() - 200 * DAY_MS).toISOString()
const RECENT = new Date(Date.now() - 10 * DAY_MS).toISOString()
const run = Math.random().toString(36).slice(2, 8)

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let admin: { headers: Record<string, string> }
    let setup: StoreSetup
    const knex = () => getContainer().resolve(ContainerRegistrationKeys.PG_CONNECTION)
    const count = async (table: string, where = "true", bindings: string[] = []) =>
      Number((await knex().raw(`SELECT count(*)::int AS n FROM ${table} WHERE ${where}`, bindings)).rows[0].n)
    const results = async (testId: string) => {
      const { computed_at, ...body } = (await api.get(`/admin/ab-tests/${testId}/results`, admin)).data
      return body
    }

    /** Raw analytics events, a daily rollup, ad impressions and clicks: `n` of each at `at`. */
    const seedRaw = async (label: string, at: string, n: number) => {
      await knex().raw(
        `INSERT INTO monetization_event (id, client_event_id, type, entity_id, event_id, session_token, customer_id,
           occurred_at, user_agent, ip_prefix, source, created_at, updated_at)
         SELECT 'mev_${run}_' || ? || g, ? || g, 'OFFER_VIEW', 'moff_1', 'prod_ret', 'tok', NULL, ?::timestamptz,
           'Mozilla', '10.0.0.0/24', 'client', now(), now()
         FROM generate_series(1, ?) g`,
        [label, `${run}_${label}_`, at, n]
      )
      await knex().raw(
        `INSERT INTO monetization_ad_impression (id, client_id, ad_id, event_id, placement, viewer_key, occurred_at,
           created_at, updated_at)
         SELECT 'madi_${run}_' || ? || g, ? || g, 'mad_1', 'prod_ret', 'SIDEBAR', 'token:tok', ?::timestamptz, now(), now()
         FROM generate_series(1, ?) g`,
        [label, `${run}_${label}_`, at, n]
      )
      await knex().raw(
        `INSERT INTO monetization_ad_click (id, click_id, ad_id, event_id, viewer_key, occurred_at, created_at, updated_at)
         SELECT 'madc_${run}_' || ? || g, ? || g, 'mad_1', 'prod_ret', 'token:tok', ?::timestamptz, now(), now()
         FROM generate_series(1, ?) g`,
        [label, `${run}_${label}_`, at, n]
      )
    }

    beforeEach(async () => {
      admin = await adminHeaders(api, getContainer())
      setup = await createStoreSetup(getContainer())
    })

    describe("purge-expired-tracking-data job", () => {
      it("deletes raw rows older than 90 days, keeps recent rows, rollups and every A/B result", async () => {
        await seedRaw("old", OLD, 30)
        await seedRaw("new", RECENT, 20)
        await knex().raw(
          `INSERT INTO monetization_event_daily (id, event_id, day, type, entity_id, shard, count, created_at, updated_at)
           VALUES (?, 'prod_ret', ?, 'OFFER_VIEW', 'moff_1', 0, 30, now(), now())`,
          [`mevd_${run}`, OLD.slice(0, 10)]
        )

        // A running test and a stopped one, tracked through the store route, then aged past retention.
        await createRunningAbTest(api, admin)
        await createRunningAbTest(api, admin, { test_id: "abt_stopped_ret" })
        const running = [
          ...variantFixture("control", 20, 4, { values: [10] }),
          ...variantFixture("green", 20, 8, { values: [25] }),
        ]
        const stopped = variantFixture("control", 10, 3, { testId: "abt_stopped_ret", values: [7] })
        expect(await trackAll(api, storeHeaders(setup), [...running, ...stopped])).toEqual({
          accepted: 65,
          duplicates: 0,
          rejected: 0,
        })
        await api.post("/admin/ab-tests/abt_stopped_ret/stop", {}, admin)
        await knex().raw(`UPDATE monetization_ab_event SET occurred_at = ?::timestamptz`, [OLD])
        const before = { running: await results("abt_checkout_cta"), stopped: await results("abt_stopped_ret") }
        expect(before.running).toMatchObject({ total_impressions: 40, total_conversions: 12 })

        await purgeExpiredTrackingDataJob(getContainer())

        expect(await count("monetization_event", "id LIKE ?", [`mev_${run}_old%`])).toBe(0)
        expect(await count("monetization_event", "id LIKE ?", [`mev_${run}_new%`])).toBe(20)
        expect(await count("monetization_ad_impression", "id LIKE ?", [`madi_${run}_old%`])).toBe(0)
        expect(await count("monetization_ad_impression", "id LIKE ?", [`madi_${run}_new%`])).toBe(20)
        expect(await count("monetization_ad_click", "id LIKE ?", [`madc_${run}_old%`])).toBe(0)
        expect(await count("monetization_ad_click", "id LIKE ?", [`madc_${run}_new%`])).toBe(20)
        // The daily rollup of the purged day stays: the dashboard still counts those 30 views.
        expect(await count("monetization_event_daily", "id = ? AND count = 30", [`mevd_${run}`])).toBe(1)
        expect({ running: await results("abt_checkout_cta"), stopped: await results("abt_stopped_ret") }).toEqual(before)
        // A storefront replaying the running test's old events changes nothing: they are still duplicates.
        expect(await trackAll(api, storeHeaders(setup), running)).toEqual({ accepted: 0, duplicates: 52, rejected: 0 })
        expect(await results("abt_checkout_cta")).toEqual(before.running)
        // The stopped test's raw events are gone (its session aggregates stay); the running test's are kept.
        expect(await count("monetization_ab_event", "test_id = 'abt_stopped_ret'")).toBe(0)
        expect(await count("monetization_ab_session", "test_id = 'abt_stopped_ret'")).toBe(10)
        expect(await count("monetization_ab_event", "test_id = 'abt_checkout_cta'")).toBe(52)
      })

      it("deletes in batches and at most maxRowsPerRun per table per run; the next runs finish the backlog", async () => {
        await seedRaw("old", OLD, 600)
        const options = { days: 90, batchSize: 100, maxRowsPerRun: 250 }
        const first = await purgeExpiredTrackingData(getContainer(), options)
        expect(first).toMatchObject({ analytics_events: 250, ad_impressions: 250, ad_clicks: 250 })
        expect(await count("monetization_event", "id LIKE ?", [`mev_${run}_old%`])).toBe(350)
        expect(await purgeExpiredTrackingData(getContainer(), options)).toMatchObject({ analytics_events: 250 })
        expect(await purgeExpiredTrackingData(getContainer(), options)).toMatchObject({
          analytics_events: 100,
          ad_impressions: 100,
          ad_clicks: 100,
        })
        expect(await count("monetization_event", "id LIKE ?", [`mev_${run}_old%`])).toBe(0)
        expect(await purgeExpiredTrackingData(getContainer(), options)).toMatchObject({ analytics_events: 0 })
      })
    })
  },
})
