import { renderHook } from "@testing-library/react"
import { ReactNode, StrictMode, useEffect } from "react"
import { MonetizationProvider } from "../../config"
import { useTrack } from "../use-track"

let bodies: Array<{ url: string; init: RequestInit }>

beforeEach(() => {
  bodies = []
  globalThis.fetch = jest.fn(async (url: RequestInfo | URL, init?: RequestInit) => {
    bodies.push({ url: String(url), init: init! })
    return { ok: true, status: 202 } as Response
  }) as typeof fetch
})

const wrapper = ({ children }: { children?: ReactNode }) => (
  <StrictMode>
    <MonetizationProvider baseUrl="https://api.test" publishableKey="pk_test">
      {children}
    </MonetizationProvider>
  </StrictMode>
)

describe("useTrack", () => {
  it("returns a stable function", () => {
    const { result, rerender } = renderHook(() => useTrack(), { wrapper })
    const first = result.current
    rerender()
    expect(result.current).toBe(first)
  })

  it("accepts events from a child's first effect, before the provider's own effects", () => {
    const { unmount } = renderHook(
      () => {
        const track = useTrack()
        useEffect(() => track({ type: "OFFER_VIEW", entity_id: "moff_1" }), [track])
      },
      {
        wrapper: ({ children }: { children?: ReactNode }) => (
          <MonetizationProvider baseUrl="https://api.test" publishableKey="pk_test">
            {children}
          </MonetizationProvider>
        ),
      }
    )
    expect(bodies).toHaveLength(0)
    unmount()
    expect(bodies).toHaveLength(1)
    expect(JSON.parse(String(bodies[0].init.body)).events[0]).toMatchObject({ type: "OFFER_VIEW", entity_id: "moff_1" })
  })

  it("flushes the provider's queue with a keepalive request when the provider unmounts", () => {
    const { result, unmount } = renderHook(() => useTrack(), { wrapper })
    result.current({ type: "OFFER_CLICK", entity_id: "moff_2", event_id: "prod_1" })
    unmount()
    const last = bodies[bodies.length - 1]
    expect(last.url).toBe("https://api.test/store/analytics/track")
    expect(last.init.keepalive).toBe(true)
    expect(JSON.parse(String(last.init.body)).events).toEqual([expect.objectContaining({ type: "OFFER_CLICK", entity_id: "moff_2" })])
  })

  it("throws a clear error outside the provider", () => {
    jest.spyOn(console, "error").mockImplementation(() => undefined)
    expect(() => renderHook(() => useTrack())).toThrow("<MonetizationProvider>")
  })
})
