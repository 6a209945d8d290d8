import { QueryClient, QueryClientProvider } from "@tanstack/react-query"
import { act, fireEvent, render, screen } from "@testing-library/react"
import { ReactNode } from "react"
import { MonetizationProvider } from "../../config"
import { AdSlot } from "../ad-slot"

type Call = { url: string; method: string; body?: any }

const banner = { id: "ad_banner", name: "Banner", content_type: "BANNER", media_url: "/b.png", click_url: "https://b.test", display_duration_seconds: 30, aspect_ratio: "16:9", placements: ["EVENT_HERO"], serve_token: "st_banner" }
const video = { ...banner, id: "ad_video", name: "Video", content_type: "VIDEO", media_url: "/v.mp4", serve_token: "st_video" }
const session = {
  ...banner,
  id: "ad_session",
  name: "Keynote: The Future of Ticketing",
  content_type: "SPONSORED_SESSION",
  sponsor_name: "ACME",
  click_url: "https://fest.test/sessions/keynote",
  signed_click_url: "https://api.test/ads/ad_session/click?v=token%3Ax&t=st_session&p=EVENT_HERO",
  serve_token: "st_session",
}
const interstitial = {
  ...banner,
  id: "ad_inter",
  name: "Full-page sponsor",
  content_type: "INTERSTITIAL",
  display_duration_seconds: 30,
  frequency_window_hours: 24,
  signed_click_url: "https://api.test/ads/ad_inter/click?v=token%3Ax&t=st_inter&p=EVENT_HERO",
  serve_token: "st_inter",
}

let calls: Call[]
let served: unknown[]
let observers: { cb: IntersectionObserverCallback; el?: Element; disconnected: boolean }[]

beforeEach(() => {
  jest.useFakeTimers({ now: Date.UTC(2026, 5, 1, 12) })
  window.localStorage.clear()
  calls = []
  observers = []
  served = []
  globalThis.fetch = jest.fn(async (url: RequestInfo | URL, init?: RequestInit) => {
    const u = String(url)
    calls.push({ url: u, method: init?.method ?? "GET", body: init?.body ? JSON.parse(String(init.body)) : undefined })
    const body = u.includes("/store/ads?") ? { ads: served } : { status: "accepted" }
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

function mount(ads: unknown[]) {
  served = ads
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } })
  const wrapper = ({ children }: { children?: ReactNode }) => (
    <QueryClientProvider client={client}>
      <MonetizationProvider baseUrl="https://api.test" publishableKey="pk_test">
        {children}
      </MonetizationProvider>
    </QueryClientProvider>
  )
  return render(<AdSlot eventId="prod_1" placement="EVENT_HERO" impressionBatchMs={200} />, { wrapper })
}

const flush = async () => {
  for (let i = 0; i < 5; i++) {
    await act(async () => {
      jest.advanceTimersByTime(0)
    })
  }
}
const advance = (ms: number) => act(async () => { jest.advanceTimersByTime(ms) })
const impressions = () => calls.filter((c) => c.url.endsWith("/store/ads/impressions")).flatMap((c) => c.body.impressions)
const intersectLast = (ratio: number) =>
  act(() => {
    const live = observers.filter((entry) => !entry.disconnected)
    const o = live[live.length - 1]
    o.cb([{ intersectionRatio: ratio, isIntersecting: ratio > 0, target: o.el! } as any], {} as any)
  })

describe("AdSlot content types", () => {
  it("renders a BANNER as an image link and reports its impression, then viewability", async () => {
    mount([banner])
    await flush()
    const link = screen.getByRole("link", { name: "Banner" })
    expect(link.getAttribute("data-content-type")).toBe("BANNER")
    expect(link.querySelector("img")!.getAttribute("src")).toBe("/b.png")
    intersectLast(1)
    await advance(1000)
    await advance(200)
    expect(impressions()).toEqual([
      expect.objectContaining({ ad_id: "ad_banner", serve_token: "st_banner" }),
      expect.objectContaining({ ad_id: "ad_banner", viewable: true }),
    ])
    expect(impressions()[0].viewable).toBeUndefined()
  })

  it("renders a VIDEO as a muted looping video that needs 2 s in view to be viewable", async () => {
    mount([video])
    await flush()
    const link = screen.getByRole("link", { name: "Video" })
    const media = link.querySelector("video")!
    expect(media.getAttribute("src")).toBe("/v.mp4")
    expect(media.muted).toBe(true)
    intersectLast(1)
    await advance(1500)
    await advance(200)
    expect(impressions().filter((i) => i.viewable)).toHaveLength(0)
    await advance(500)
    await advance(200)
    expect(impressions().filter((i) => i.viewable)).toEqual([expect.objectContaining({ ad_id: "ad_video" })])
  })

  it("renders a SPONSORED_SESSION as a labelled session card whose link goes through the signed click", async () => {
    const open = jest.spyOn(window, "open").mockReturnValue({} as Window)
    mount([session])
    await flush()
    const card = screen.getByRole("article", { name: "Keynote: The Future of Ticketing" })
    expect(card.getAttribute("data-content-type")).toBe("SPONSORED_SESSION")
    expect(card.textContent).toContain("Sponsored")
    expect(card.textContent).toContain("Presented by ACME")
    expect(screen.getByRole("heading", { name: "Keynote: The Future of Ticketing" })).toBeTruthy()
    const link = screen.getByRole("link", { name: "View session" })
    expect(link.getAttribute("href")).toBe(session.signed_click_url)

    intersectLast(0.8)
    await advance(1000)
    await advance(200)
    expect(impressions()).toEqual([
      expect.objectContaining({ ad_id: "ad_session", serve_token: "st_session" }),
      expect.objectContaining({ ad_id: "ad_session", viewable: true }),
    ])

    fireEvent.click(link)
    await flush()
    expect(open).toHaveBeenCalledWith(session.signed_click_url, "_blank", "noopener,noreferrer")
    open.mockRestore()
  })

  it("shows an INTERSTITIAL as an accessible modal overlay, viewable when shown, beside the slot's inline ad", async () => {
    mount([interstitial, banner])
    await flush()
    const dialog = screen.getByRole("dialog")
    expect(dialog.getAttribute("aria-modal")).toBe("true")
    expect(dialog.getAttribute("data-ad-id")).toBe("ad_inter")
    expect(dialog.textContent).toContain("Sponsored")
    expect(document.activeElement).toBe(screen.getByRole("button", { name: "Close ad" }))
    // The slot itself keeps rotating the inline ads; the interstitial is not one of them.
    expect(screen.getByRole("link", { name: "Banner" })).toBeTruthy()
    await advance(200)
    const inter = impressions().filter((i) => i.ad_id === "ad_inter")
    expect(inter).toEqual([expect.objectContaining({ ad_id: "ad_inter", serve_token: "st_inter", viewable: true })])
  })

  it.each([
    ["the close button", () => fireEvent.click(screen.getByRole("button", { name: "Close ad" }))],
    ["Escape", () => fireEvent.keyDown(document, { key: "Escape" })],
    ["a click on the backdrop", () => fireEvent.click(document.querySelector(".em-ad-interstitial-backdrop")!)],
  ])("closes the overlay with %s", async (_label, dismiss) => {
    mount([interstitial])
    await flush()
    expect(screen.getByRole("dialog")).toBeTruthy()
    act(() => dismiss())
    expect(screen.queryByRole("dialog")).toBeNull()
  })

  it("closes the overlay by itself after display_duration_seconds", async () => {
    mount([interstitial])
    await flush()
    await advance(29_000)
    expect(screen.queryByRole("dialog")).not.toBeNull()
    await advance(1_000)
    expect(screen.queryByRole("dialog")).toBeNull()
  })

  it("shows an interstitial at most once per cap window in this browser, then again in the next window", async () => {
    const first = mount([interstitial])
    await flush()
    expect(screen.getByRole("dialog")).toBeTruthy()
    fireEvent.click(screen.getByRole("button", { name: "Close ad" }))
    first.unmount()

    // A reload within the window: nothing shown, nothing reported.
    const before = impressions().length
    const second = mount([interstitial])
    await flush()
    await advance(500)
    expect(screen.queryByRole("dialog")).toBeNull()
    expect(impressions().slice(before).filter((i) => i.ad_id === "ad_inter")).toEqual([])
    second.unmount()

    // The next 24 h window (the server's cap windows are floor(time / window)).
    jest.setSystemTime(Date.UTC(2026, 5, 2, 0, 0, 1))
    mount([interstitial])
    await flush()
    expect(screen.getByRole("dialog")).toBeTruthy()
    expect(Object.keys(window.localStorage).filter((key) => key.includes("ad_inter"))).toHaveLength(1)
  })

  it("an ad without a window uses the 24 h default, and each interstitial is remembered by its own id", async () => {
    const other = { ...interstitial, id: "ad_inter_2", frequency_window_hours: undefined }
    const first = mount([interstitial, other])
    await flush()
    expect(screen.getByRole("dialog").getAttribute("data-ad-id")).toBe("ad_inter")
    first.unmount()
    const second = mount([interstitial, other])
    await flush()
    expect(screen.getByRole("dialog").getAttribute("data-ad-id")).toBe("ad_inter_2")
    second.unmount()
    mount([interstitial, other])
    await flush()
    expect(screen.queryByRole("dialog")).toBeNull()
  })
})
