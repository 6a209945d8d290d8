import { act, render, renderHook } from "@testing-library/react"
import { ReactNode, StrictMode } from "react"
import { assignVariant } from "../../../../src/shared/ab-assignment"
import { MonetizationProvider } from "../../config"
import { getSessionToken } from "../../session-token"
import { ABTestEvent, trackConversion, useABTest } from "../use-ab-test"

type Posted = { url: string; headers: Record<string, string>; events: ABTestEvent[] }

const variants = [
  { id: "control", weight: 50 },
  { id: "green_button", weight: 50 },
]

let posted: Posted[]
let nextStatus: number
let nextRejected: { index: number; reason: string }[]

beforeEach(() => {
  jest.useFakeTimers()
  posted = []
  nextStatus = 202
  nextRejected = []
  globalThis.fetch = jest.fn(async (url: RequestInfo | URL, init?: RequestInit) => {
    posted.push({
      url: String(url),
      headers: init!.headers as Record<string, string>,
      events: JSON.parse(String(init!.body)).events,
    })
    const body = nextStatus < 300 ? { status: "accepted", rejected: nextRejected } : { type: "unexpected_state", message: "down" }
    return { ok: nextStatus < 300, status: nextStatus, statusText: "", text: async () => JSON.stringify(body) } as Response
  }) as typeof fetch
})

const wrapper = ({ children }: { children?: ReactNode }) => (
  <StrictMode>
    <MonetizationProvider baseUrl="https://api.test/" publishableKey="pk_test" getCustomerToken={() => "jwt_1"}>
      {children}
    </MonetizationProvider>
  </StrictMode>
)

const flushEffects = () => act(async () => undefined)
/** The A/B tracker sends its batch 30 s after the first queued event. */
const afterBatchInterval = () => act(async () => {
  await jest.advanceTimersByTimeAsync(30_000)
})

afterEach(() => jest.useRealTimers())

describe("useABTest", () => {
  it("returns the contract's variant for this session and keeps it across renders", async () => {
    const { result, rerender } = renderHook(() => useABTest("abt_stable", variants, { eventId: "prod_1" }), { wrapper })
    const expected = assignVariant(getSessionToken(), "abt_stable", variants)
    expect(result.current.variant).toBe(expected)
    rerender()
    rerender()
    expect(result.current.variant).toBe(expected)
    await flushEffects()
  })

  it("queues exactly one variant_view under StrictMode, re-renders and a second mount, and sends it with the batch", async () => {
    const { rerender, unmount } = renderHook(() => useABTest("abt_once", variants, { eventId: "prod_1" }), { wrapper })
    rerender()
    await flushEffects()
    expect(posted).toHaveLength(0)
    await afterBatchInterval()
    unmount()
    renderHook(() => useABTest("abt_once", variants, { eventId: "prod_1" }), { wrapper })
    await afterBatchInterval()

    expect(posted).toHaveLength(1)
    expect(posted[0].url).toBe("https://api.test/store/ab-tests/track")
    expect(posted[0].headers).toMatchObject({ "x-publishable-api-key": "pk_test", authorization: "Bearer jwt_1" })
    expect(posted[0].events).toEqual([
      {
        id: expect.any(String),
        timestamp: expect.any(String),
        test_id: "abt_once",
        event_id: "prod_1",
        session_token: getSessionToken(),
        variant_id: assignVariant(getSessionToken(), "abt_once", variants),
        event_type: "variant_view",
      },
    ])
  })

  it("sends the views of two tests in one batch", async () => {
    const Both = () => {
      useABTest("abt_a", variants, { eventId: "prod_1" })
      useABTest("abt_b", variants, { eventId: "prod_1" })
      return null
    }
    render(<Both />, { wrapper })
    await afterBatchInterval()
    expect(posted).toHaveLength(1)
    expect(posted[0].events.map((e) => e.test_id).sort()).toEqual(["abt_a", "abt_b"])
  })

  it("retries a batch the server could not take (5xx) with the same events", async () => {
    nextStatus = 503
    renderHook(() => useABTest("abt_retry", variants, { eventId: "prod_1" }), { wrapper })
    await afterBatchInterval()
    nextStatus = 202
    await afterBatchInterval()
    expect(posted.map((p) => p.events[0].event_type)).toEqual(["variant_view", "variant_view"])
    expect(posted[1].events[0]).toEqual(posted[0].events[0])
  })

  it("trackConversion queues a goal_conversion for the assigned variant and resolves with the server's verdict", async () => {
    const { result } = renderHook(() => useABTest("abt_goal", variants, { eventId: "prod_1" }), { wrapper })
    await flushEffects()
    const outcome = result.current.trackConversion(true, 49.5)
    await afterBatchInterval()
    await expect(outcome).resolves.toEqual({ status: "accepted" })
    expect(posted[posted.length - 1].events).toEqual([
      expect.objectContaining({ event_type: "variant_view" }),
      expect.objectContaining({
        test_id: "abt_goal",
        event_id: "prod_1",
        session_token: getSessionToken(),
        variant_id: result.current.variant,
        event_type: "goal_conversion",
        goal_achieved: true,
        goal_value: 49.5,
      }),
    ])
  })
})

describe("trackConversion", () => {
  const config = { baseUrl: "https://api.test", publishableKey: "pk_test" }

  it("queues outside React with an explicit session token and the required event id", async () => {
    const outcome = trackConversion(config, "abt_plain", variants, { eventId: "prod_1", sessionToken: "sess_abc", goalValue: 10 })
    await afterBatchInterval()
    await expect(outcome).resolves.toEqual({ status: "accepted" })
    expect(posted[0].events[0]).toMatchObject({
      test_id: "abt_plain",
      event_id: "prod_1",
      session_token: "sess_abc",
      variant_id: assignVariant("sess_abc", "abt_plain", variants),
      event_type: "goal_conversion",
      goal_achieved: true,
      goal_value: 10,
    })
    expect(posted[0].headers.authorization).toBeUndefined()
  })

  it("surfaces a rejected conversion with the server's reason instead of dropping it silently", async () => {
    nextRejected = [{ index: 0, reason: "event_type: no variant_view of this session was recorded for the test" }]
    const outcome = trackConversion(config, "abt_plain", variants, { eventId: "prod_1", sessionToken: "sess_new" })
    await afterBatchInterval()
    await expect(outcome).resolves.toEqual({
      status: "rejected",
      reason: "event_type: no variant_view of this session was recorded for the test",
    })
  })
})
