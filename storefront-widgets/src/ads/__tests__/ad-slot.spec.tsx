import { QueryClient, QueryClientProvider } from "@tanstack/react-query"
import { act, fireEvent, render, screen } from "@testing-library/react"
import { ReactNode, StrictMode } from "react"
import { MonetizationProvider } from "../../config"
import { getSessionToken } from "../../session-token"
import { AdSlot } from "../ad-slot"

type Call = { url: string; method: string; body?: any; headers: Record<string, string> }

const ads = [
  { id: "ad_1", name: "One", content_type: "BANNER", media_url: "/1.svg", click_url: "https://one.test", display_duration_seconds: 5, aspect_ratio: "16:9", placements: ["EVENT_HERO"] },
  { id: "ad_2", name: "Two", content_type: "VIDEO", media_url: "/2.mp4", click_url: "https://two.test", display_duration_seconds: 8, aspect_ratio: null, placements: ["EVENT_HERO"] },
]

let calls: Call[]
let observers: { cb: IntersectionObserverCallback; el?: Element; disconnected: boolean }[]

beforeEach(() => {
  jest.useFakeTimers()
  calls = []
  observers = []
  globalThis.fetch = jest.fn(async (url: RequestInfo | URL, init?: RequestInit) => {
    const u = String(url)
    calls.push({ url: u, method: init?.method ?? "GET", body: init?.body ? JSON.parse(String(init.body)) : undefined, headers: init?.headers as any })
    let body: unknown = { status: "accepted" }
    if (u.includes("/store/ads?")) body = { ads }
    if (u.includes("/click")) body = { click_url: "https://tracked.test/landing" }
    return { ok: true, status: 200, statusText: "", text: async () => JSON.stringify(body) } as Response
  }) as typeof fetch
  ;(globalThis as any).IntersectionObserver = class {
    entry: (typeof observers)[number]
    constructor(cb: IntersectionObserverCallback) {
      this.entry = { cb, disconnected: false }
      observers.push(this.entry)
    }
    observe(el: Element) {
      this.entry.el = el
    }
    disconnect() {
      this.entry.disconnected = true
    }
  }
})
afterEach(() => jest.useRealTimers())

function setup(client = new QueryClient({ defaultOptions: { queries: { retry: false } } }), strict = false) {
  const wrapper = ({ children }: { children?: ReactNode }) => {
    const tree = (
      <QueryClientProvider client={client}>
        <MonetizationProvider baseUrl="https://api.test" publishableKey="pk_test">
          {children}
        </MonetizationProvider>
      </QueryClientProvider>
    )
    return strict ? <StrictMode>{tree}</StrictMode> : tree
  }
  return render(<AdSlot eventId="prod_1" placement="EVENT_HERO" sessionId="var_1" impressionBatchMs={500} />, { wrapper })
}

const flush = async () => {
  for (let i = 0; i < 5; i++) {
    await act(async () => {
      jest.advanceTimersByTime(0)
    })
  }
}
const advance = (ms: number) => act(async () => { jest.advanceTimersByTime(ms) })
const intersect = (ratio: number) =>
  act(() => {
    const live = observers.filter((o) => !o.disconnected)
    const o = live[live.length - 1]
    o.cb([{ intersectionRatio: ratio, isIntersecting: ratio > 0, target: o.el! } as any], {} as any)
  })
const impressions = () => calls.filter((c) => c.url.endsWith("/store/ads/impressions")).flatMap((c) => c.body.impressions)

describe("AdSlot", () => {
  it("fetches ads with the session token and rotates every display_duration_seconds", async () => {
    setup()
    await flush()
    const get = calls.find((c) => c.url.includes("/store/ads?"))!
    const q = new URL(get.url).searchParams
    expect(q.get("event_id")).toBe("prod_1")
    expect(q.get("placement")).toBe("EVENT_HERO")
    expect(q.get("session_id")).toBe("var_1")
    expect(q.get("session_token")).toBe(getSessionToken())
    expect(get.headers["x-publishable-api-key"]).toBe("pk_test")

    expect(document.querySelector("[data-ad-id]")!.getAttribute("data-ad-id")).toBe("ad_1")
    await advance(4900)
    expect(document.querySelector("[data-ad-id]")!.getAttribute("data-ad-id")).toBe("ad_1")
    await advance(100)
    expect(document.querySelector("[data-ad-id]")!.getAttribute("data-ad-id")).toBe("ad_2")
    await advance(8000)
    expect(document.querySelector("[data-ad-id]")!.getAttribute("data-ad-id")).toBe("ad_1")
  })

  it("reports one impression per render, batched, then upgrades the same id to viewable", async () => {
    setup()
    await flush()
    await advance(500)
    const first = impressions()
    expect(first).toHaveLength(1)
    expect(first[0]).toMatchObject({ ad_id: "ad_1", placement: "EVENT_HERO", session_id: "var_1", session_token: getSessionToken() })
    expect(first[0].viewable).toBeUndefined()
    expect(typeof first[0].id).toBe("string")

    intersect(0.6)
    await advance(900)
    expect(impressions()).toHaveLength(1)
    await advance(100) // viewable at 1 s
    await advance(500) // batch flush
    const all = impressions()
    expect(all).toHaveLength(2)
    expect(all[1]).toMatchObject({ id: first[0].id, ad_id: "ad_1", viewable: true })

    // Rotation → new render → new impression id.
    await advance(3500)
    await advance(500)
    const third = impressions()[2]
    expect(third).toMatchObject({ ad_id: "ad_2" })
    expect(third.id).not.toBe(first[0].id)
  })

  it("opens the signed click URL as is (the backend records the click and redirects), and sends the serve token with impressions", async () => {
    const signedUrl = "https://api.test/ads/ad_1/click?v=token%3Ax&t=1.nonce_one.sig"
    const signed = [{ ...ads[0], serve_token: "1.nonce_one.sig", signed_click_url: signedUrl }, ads[1]]
    ;(globalThis.fetch as jest.Mock).mockImplementation(async (url: RequestInfo | URL, init?: RequestInit) => {
      const u = String(url)
      calls.push({ url: u, method: init?.method ?? "GET", body: init?.body ? JSON.parse(String(init.body)) : undefined, headers: init?.headers as any })
      const body = u.includes("/store/ads?") ? { ads: signed } : { status: "accepted" }
      return { ok: true, status: 200, statusText: "", text: async () => JSON.stringify(body) } as Response
    })
    const open = jest.spyOn(window, "open").mockReturnValue({} as Window)
    setup()
    await flush()
    await advance(1000)
    expect(impressions()[0]).toMatchObject({ ad_id: "ad_1", serve_token: "1.nonce_one.sig" })
    fireEvent.click(screen.getByRole("link", { name: "One" }))
    await flush()
    expect(calls.some((c) => c.url.includes("/click"))).toBe(false)
    expect(open).toHaveBeenCalledWith(signedUrl, "_blank", "noopener,noreferrer")
    open.mockRestore()
  })

  it("without a signed click URL, posts the (unbillable) click and opens the returned URL", async () => {
    const open = jest.spyOn(window, "open").mockReturnValue({} as Window)
    setup()
    await flush()
    fireEvent.click(screen.getByRole("link", { name: "One" }))
    await flush()
    const click = calls.find((c) => c.url.endsWith("/store/ads/ad_1/click"))!
    expect(click.method).toBe("POST")
    expect(click.body).toMatchObject({ session_token: getSessionToken(), placement: "EVENT_HERO" })
    expect(click.body.click_id.length).toBeGreaterThanOrEqual(8)
    expect(open).toHaveBeenCalledWith("https://tracked.test/landing", "_blank", "noopener,noreferrer")
    open.mockRestore()
  })

  it("does not lose or duplicate the first impression when ads are already cached (StrictMode)", async () => {
    const client = new QueryClient({ defaultOptions: { queries: { retry: false } } })
    const first = setup(client)
    await flush()
    first.unmount()
    await flush()
    const before = impressions().length
    expect(before).toBe(1) // flushed on unmount
    setup(client, true)
    await flush()
    await advance(500)
    const after = impressions().slice(before)
    expect(after).toHaveLength(1)
    expect(after[0]).toMatchObject({ ad_id: "ad_1" })
  })

  it("flushes pending impressions with a keepalive fetch when the page is hidden and sendBeacon is missing", async () => {
    setup()
    await flush()
    expect(impressions()).toHaveLength(0)
    act(() => {
      window.dispatchEvent(new Event("pagehide"))
    })
    await flush()
    expect(impressions()).toHaveLength(1)
  })

  it("sends pending impressions by sendBeacon to the beacon route when the page is hidden", async () => {
    const beacons: { url: string; blob: Blob }[] = []
    Object.defineProperty(navigator, "sendBeacon", {
      configurable: true,
      value: (url: string, blob: Blob) => beacons.push({ url, blob }) > 0,
    })
    try {
      setup()
      await flush()
      act(() => {
        window.dispatchEvent(new Event("pagehide"))
      })
      await advance(5_000)
    } finally {
      delete (navigator as { sendBeacon?: unknown }).sendBeacon
    }
    expect(impressions()).toHaveLength(0)
    expect(beacons).toHaveLength(1)
    expect(beacons[0].url).toBe("https://api.test/beacon/ads/impressions?x-publishable-api-key=pk_test")
    expect(beacons[0].blob.type).toBe("text/plain")
    const text = await new Promise<string>((resolve) => {
      const reader = new FileReader()
      reader.onload = () => resolve(String(reader.result))
      reader.readAsText(beacons[0].blob)
    })
    const body = JSON.parse(text)
    expect(body.impressions).toEqual([expect.objectContaining({ ad_id: "ad_1", placement: "EVENT_HERO" })])
  })
})
