import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { adminHeaders } from "../../helpers/auth"
import { abTestBody } from "./fixtures"

// Generous: booting the app under a loaded machine can take over a minute.
jest.setTimeout(180_000)

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let admin: { headers: Record<string, string> }

    beforeEach(async () => {
      admin = await adminHeaders(api, getContainer())
    })

    const fail = (promise: Promise<unknown>) => promise.then(() => ({ status: 0, data: null })).catch((e) => e.response)

    describe("POST /admin/ab-tests", () => {
      it("creates a DRAFT test with named, weighted variants", async () => {
        const response = await api.post(
          "/admin/ab-tests",
          abTestBody({ variants: [{ id: "control", weight: 2 }, { id: "green", name: "Green", weight: 1 }] }),
          admin
        )
        expect(response.status).toBe(200)
        expect(response.data.ab_test).toMatchObject({
          id: expect.stringMatching(/^mabx_/),
          test_id: "abt_checkout_cta",
          event_id: "prod_event_1",
          status: "DRAFT",
          primary_goal: "purchase",
          revenue_goal: null,
          allow_repeat_conversions: false,
          started_at: null,
          winner_variant_id: null,
          variants: [
            { id: "control", name: "control", weight: 2 },
            { id: "green", name: "Green", weight: 1 },
          ],
        })
      })

      it.each([
        ["a bad test_id", { test_id: "bad id!" }, /test_id/],
        ["a too short test_id", { test_id: "ab" }, /test_id/],
        ["one variant", { variants: [{ id: "a", weight: 1 }] }, /variants/],
        ["duplicate variant ids", { variants: [{ id: "a", weight: 1 }, { id: "a", weight: 1 }] }, /used twice/],
        ["a negative weight", { variants: [{ id: "a", weight: -1 }, { id: "b", weight: 1 }] }, /weight/],
        ["weights summing to 0", { variants: [{ id: "a", weight: 0 }, { id: "b", weight: 0 }] }, /more than 0/],
        ["a control that is not a variant", { control_variant_id: "nope" }, /control_variant_id/],
        ["an unknown field", { colour: "red" }, /colour/],
        ["a missing name", { name: undefined }, /name/],
        ["a status (set by start/stop only)", { status: "RUNNING" }, /status/],
      ])("answers 400 for %s", async (_label, overrides, message) => {
        const response = await fail(api.post("/admin/ab-tests", abTestBody(overrides), admin))
        expect(response.status).toBe(400)
        expect(response.data.type).toBe("invalid_data")
        expect(response.data.message).toMatch(message)
      })

      it("answers 400 when the test_id is taken, even by a deleted test", async () => {
        await api.post("/admin/ab-tests", abTestBody(), admin)
        const taken = await fail(api.post("/admin/ab-tests", abTestBody({ name: "Again" }), admin))
        expect(taken.status).toBe(400)
        expect(taken.data.message).toMatch(/already exists/)
        await api.delete("/admin/ab-tests/abt_checkout_cta", admin)
        const reused = await fail(api.post("/admin/ab-tests", abTestBody(), admin))
        expect(reused.status).toBe(400)
        expect(reused.data.message).toMatch(/deleted/)
      })
    })

    describe("GET /admin/ab-tests", () => {
      it("lists tests with count, offset and limit, filtered by event and status", async () => {
        await api.post("/admin/ab-tests", abTestBody({ test_id: "abt_one" }), admin)
        await api.post("/admin/ab-tests", abTestBody({ test_id: "abt_two" }), admin)
        await api.post("/admin/ab-tests", abTestBody({ test_id: "abt_other", event_id: "prod_other" }), admin)
        await api.post("/admin/ab-tests/abt_two/start", {}, admin)

        const all = await api.get("/admin/ab-tests", admin)
        expect(all.status).toBe(200)
        expect(all.data).toMatchObject({ count: 3, offset: 0, limit: 20 })
        const byEvent = await api.get("/admin/ab-tests?event_id=prod_event_1&limit=1", admin)
        expect(byEvent.data).toMatchObject({ count: 2, limit: 1 })
        expect(byEvent.data.ab_tests).toHaveLength(1)
        const running = await api.get("/admin/ab-tests?status=RUNNING", admin)
        expect(running.data.ab_tests.map((t: { test_id: string }) => t.test_id)).toEqual(["abt_two"])
      })

      it("answers 400 for an unknown status or filter", async () => {
        expect((await fail(api.get("/admin/ab-tests?status=PAUSED", admin))).status).toBe(400)
        expect((await fail(api.get("/admin/ab-tests?colour=red", admin))).status).toBe(400)
        expect((await fail(api.get("/admin/ab-tests?limit=1000", admin))).status).toBe(400)
      })

      it("answers 401 without an admin", async () => {
        expect((await fail(api.get("/admin/ab-tests"))).status).toBe(401)
        expect((await fail(api.post("/admin/ab-tests", abTestBody()))).status).toBe(401)
      })
    })

    describe("GET /admin/ab-tests/:test_id", () => {
      it("answers the test, or 404", async () => {
        await api.post("/admin/ab-tests", abTestBody(), admin)
        const found = await api.get("/admin/ab-tests/abt_checkout_cta", admin)
        expect(found.data.ab_test.test_id).toBe("abt_checkout_cta")
        const missing = await fail(api.get("/admin/ab-tests/abt_missing", admin))
        expect(missing.status).toBe(404)
        expect(missing.data.type).toBe("not_found")
      })

      it("answers 401 without an admin", async () => {
        expect((await fail(api.get("/admin/ab-tests/abt_checkout_cta"))).status).toBe(401)
      })
    })

    describe("POST /admin/ab-tests/:test_id", () => {
      it("updates a DRAFT test's configuration", async () => {
        await api.post("/admin/ab-tests", abTestBody(), admin)
        const response = await api.post(
          "/admin/ab-tests/abt_checkout_cta",
          {
            name: "Renamed",
            variants: [{ id: "control", weight: 1 }, { id: "green", weight: 1 }, { id: "red", weight: 1 }],
            revenue_goal: "revenue",
            allow_repeat_conversions: true,
          },
          admin
        )
        expect(response.status).toBe(200)
        expect(response.data.ab_test).toMatchObject({
          name: "Renamed",
          revenue_goal: "revenue",
          allow_repeat_conversions: true,
          variants: [
            { id: "control", name: "control", weight: 1 },
            { id: "green", name: "green", weight: 1 },
            { id: "red", name: "red", weight: 1 },
          ],
        })
      })

      it("only lets name and description change once started (400 otherwise)", async () => {
        await api.post("/admin/ab-tests", abTestBody(), admin)
        await api.post("/admin/ab-tests/abt_checkout_cta/start", {}, admin)
        const renamed = await api.post("/admin/ab-tests/abt_checkout_cta", { name: "Live", description: "x" }, admin)
        expect(renamed.data.ab_test).toMatchObject({ name: "Live", description: "x", status: "RUNNING" })
        const locked = await fail(
          api.post("/admin/ab-tests/abt_checkout_cta", { variants: [{ id: "a" }, { id: "b" }] }, admin)
        )
        expect(locked.status).toBe(400)
        expect(locked.data.message).toMatch(/only name and description/)
      })

      it("answers 400 for invalid changes and 404 for an unknown test", async () => {
        await api.post("/admin/ab-tests", abTestBody(), admin)
        const badControl = await fail(api.post("/admin/ab-tests/abt_checkout_cta", { control_variant_id: "nope" }, admin))
        expect(badControl.status).toBe(400)
        const renameKey = await fail(api.post("/admin/ab-tests/abt_checkout_cta", { test_id: "abt_new" }, admin))
        expect(renameKey.status).toBe(400)
        const missing = await fail(api.post("/admin/ab-tests/abt_missing", { name: "x" }, admin))
        expect(missing.status).toBe(404)
      })
    })

    describe("POST /admin/ab-tests/:test_id/start and /stop", () => {
      it("moves DRAFT → RUNNING → STOPPED with timestamps", async () => {
        await api.post("/admin/ab-tests", abTestBody(), admin)
        const started = await api.post("/admin/ab-tests/abt_checkout_cta/start", {}, admin)
        expect(started.data.ab_test).toMatchObject({ status: "RUNNING", started_at: expect.any(String), stopped_at: null })
        const stopped = await api.post("/admin/ab-tests/abt_checkout_cta/stop", {}, admin)
        expect(stopped.data.ab_test).toMatchObject({ status: "STOPPED", stopped_at: expect.any(String) })
      })

      it("refuses any other transition with 400", async () => {
        await api.post("/admin/ab-tests", abTestBody(), admin)
        const stopDraft = await fail(api.post("/admin/ab-tests/abt_checkout_cta/stop", {}, admin))
        expect(stopDraft.status).toBe(400)
        expect(stopDraft.data.message).toMatch(/cannot go from DRAFT to STOPPED/)
        await api.post("/admin/ab-tests/abt_checkout_cta/start", {}, admin)
        expect((await fail(api.post("/admin/ab-tests/abt_checkout_cta/start", {}, admin))).status).toBe(400)
        await api.post("/admin/ab-tests/abt_checkout_cta/stop", {}, admin)
        expect((await fail(api.post("/admin/ab-tests/abt_checkout_cta/start", {}, admin))).status).toBe(400)
        expect((await fail(api.post("/admin/ab-tests/abt_checkout_cta/stop", {}, admin))).status).toBe(400)
      })

      it("answers 404 for an unknown test and 401 without an admin", async () => {
        expect((await fail(api.post("/admin/ab-tests/abt_missing/start", {}, admin))).status).toBe(404)
        expect((await fail(api.post("/admin/ab-tests/abt_missing/stop", {}, admin))).status).toBe(404)
        expect((await fail(api.post("/admin/ab-tests/abt_missing/start", {}))).status).toBe(401)
      })
    })

    describe("DELETE /admin/ab-tests/:test_id", () => {
      it("soft-deletes a test that is not running", async () => {
        await api.post("/admin/ab-tests", abTestBody(), admin)
        const response = await api.delete("/admin/ab-tests/abt_checkout_cta", admin)
        expect(response.data).toEqual({ id: "abt_checkout_cta", object: "ab_test", deleted: true })
        expect((await fail(api.get("/admin/ab-tests/abt_checkout_cta", admin))).status).toBe(404)
        expect((await api.get("/admin/ab-tests", admin)).data.count).toBe(0)
      })

      it("answers 400 for a running test, 404 for an unknown one, 401 without an admin", async () => {
        await api.post("/admin/ab-tests", abTestBody(), admin)
        await api.post("/admin/ab-tests/abt_checkout_cta/start", {}, admin)
        const running = await fail(api.delete("/admin/ab-tests/abt_checkout_cta", admin))
        expect(running.status).toBe(400)
        expect(running.data.message).toMatch(/stop it/)
        expect((await fail(api.delete("/admin/ab-tests/abt_missing", admin))).status).toBe(404)
        expect((await fail(api.delete("/admin/ab-tests/abt_checkout_cta"))).status).toBe(401)
      })
    })
  },
})
