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

beforeEach(() => {
  posted = []
  nextStatus = 202
  globalThis.fetch = jest.fn(async (url: RequestInfo | URL, init?: RequestInit) => {
    posted.push({
      url: String(url),
      headers: init!.headers as Record<string, string>,
      events: JSON.parse(String(init!.body)).events,
    })
    const body = nextStatus < 300 ? { status: "accepted" } : { type: "unexpected_state", message: "down" }
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

  it("tracks exactly one variant_view under StrictMode, re-renders and a second mount", async () => {
    const { rerender, unmount } = renderHook(() => useABTest("abt_once", variants, { eventId: "prod_1" }), { wrapper })
    rerender()
    await flushEffects()
    unmount()
    renderHook(() => useABTest("abt_once", variants), { wrapper })
    await flushEffects()

    expect(posted).toHaveLength(1)
    expect(posted[0].url).toBe("https://api.test/store/ab-tests/track")
    expect(posted[0].headers).toMatchObject({ "x-publishable-api-key": "pk_test", authorization: "Bearer jwt_1" })
    expect(posted[0].events).toEqual([
      {
        test_id: "abt_once",
        event_id: "prod_1",
        session_token: getSessionToken(),
        variant_id: assignVariant(getSessionToken(), "abt_once", variants),
        event_type: "variant_view",
      },
    ])
  })

  it("tracks one view per test when two components use different tests", async () => {
    const Both = () => {
      useABTest("abt_a", variants)
      useABTest("abt_b", variants)
      return null
    }
    render(<Both />, { wrapper })
    await flushEffects()
    expect(posted.map((p) => p.events[0].test_id).sort()).toEqual(["abt_a", "abt_b"])
  })

  it("sends the view again on a later mount when the first one failed", async () => {
    nextStatus = 503
    const first = renderHook(() => useABTest("abt_retry", variants), { wrapper })
    await flushEffects()
    first.unmount()
    nextStatus = 202
    renderHook(() => useABTest("abt_retry", variants), { wrapper })
    await flushEffects()
    expect(posted.map((p) => p.events[0].event_type)).toEqual(["variant_view", "variant_view"])
  })

  it("trackConversion posts a goal_conversion for the assigned variant", async () => {
    const { result } = renderHook(() => useABTest("abt_goal", variants, { eventId: "prod_1" }), { wrapper })
    await flushEffects()
    await act(() => result.current.trackConversion(true, 49.5))
    expect(posted[posted.length - 1].events).toEqual([
      {
        test_id: "abt_goal",
        event_id: "prod_1",
        session_token: getSessionToken(),
        variant_id: result.current.variant,
        event_type: "goal_conversion",
        goal_achieved: true,
        goal_value: 49.5,
      },
    ])
  })
})

describe("trackConversion", () => {
  const config = { baseUrl: "https://api.test", publishableKey: "pk_test" }

  it("posts outside React with an explicit session token", async () => {
    await trackConversion(config, "abt_plain", variants, { sessionToken: "sess_abc", goalValue: 10 })
    expect(posted[0].events[0]).toMatchObject({
      test_id: "abt_plain",
      session_token: "sess_abc",
      variant_id: assignVariant("sess_abc", "abt_plain", variants),
      event_type: "goal_conversion",
      goal_achieved: true,
      goal_value: 10,
    })
    expect(posted[0].headers.authorization).toBeUndefined()
  })

  it("rejects with Medusa's error message on a non-2xx answer", async () => {
    nextStatus = 500
    await expect(trackConversion(config, "abt_plain", variants)).rejects.toMatchObject({
      message: "down",
      status: 500,
      type: "unexpected_state",
    })
  })
})
