import { QueryClient, QueryClientProvider } from "@tanstack/react-query"
import { act, fireEvent, render, screen } from "@testing-library/react"
import { ReactNode, StrictMode } from "react"
import { MonetizationProvider } from "../../config"
import { OfferList } from "../offer-list"

const track = jest.fn()
jest.mock("../../analytics/use-track", () => ({ useTrack: () => track }))

type Call = { url: string; method: string; body?: any; headers: Record<string, string> }
let calls: Call[]
let token: string | undefined

const offers = [
  { id: "off_1", event_id: "prod_1", variant_id: "v1", title: "VIP upgrade", offer_type: "TICKET_UPGRADE", price: 49, original_price: 79, currency_code: "eur", placement: "CHECKOUT", inventory: { total: 10, sold: 2, reserved: 1, available: 7 } },
  { id: "off_2", event_id: "prod_1", variant_id: "v2", title: "Hoodie", offer_type: "MERCHANDISE", price: 30, original_price: null, currency_code: "eur", placement: "CHECKOUT", inventory: { total: 5, sold: 5, reserved: 0, available: 0 } },
]

beforeEach(() => {
  calls = []
  track.mockClear()
  token = "cust_jwt"
  globalThis.fetch = jest.fn(async (url: RequestInfo | URL, init?: RequestInit) => {
    const u = String(url)
    calls.push({ url: u, method: init?.method ?? "GET", body: init?.body ? JSON.parse(String(init.body)) : undefined, headers: init?.headers as any })
    let body: unknown = {}
    if (u.includes("/offers?")) body = { offers }
    const hold = { id: "hold_1", offer_id: "off_1", quantity: 1, expires_at: "2026-01-01T00:00:00Z", status: "HELD", cart_id: null }
    if (u.endsWith("/purchase")) body = { hold }
    if (u.endsWith("/checkout")) body = { cart: { id: "cart_1" }, hold: { ...hold, cart_id: "cart_1" }, payment_session: { data: { client_secret: "cs" } } }
    return { ok: true, status: 200, statusText: "", text: async () => JSON.stringify(body) } as Response
  }) as typeof fetch
})

function setup(onPurchased = jest.fn()) {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } })
  const wrapper = ({ children }: { children?: ReactNode }) => (
    <StrictMode>
      <QueryClientProvider client={client}>
        <MonetizationProvider baseUrl="https://api.test" publishableKey="pk_test" getCustomerToken={() => token}>
          {children}
        </MonetizationProvider>
      </QueryClientProvider>
    </StrictMode>
  )
  render(<OfferList eventId="prod_1" placement="CHECKOUT" sessionId="sess_1" onPurchased={onPurchased} />, { wrapper })
  return onPurchased
}

describe("OfferList", () => {
  it("lists offers with price, strike-through original price and availability", async () => {
    setup()
    expect(await screen.findByText("VIP upgrade")).toBeTruthy()
    const get = calls.find((c) => c.url.includes("/offers?"))!
    expect(get.url).toBe("https://api.test/store/events/prod_1/offers?placement=CHECKOUT&session_id=sess_1")
    const vip = document.querySelector('[data-offer-id="off_1"]')!
    expect(vip.querySelector("s")!.textContent).toMatch(/79/)
    expect(vip.querySelector("strong")!.textContent).toMatch(/49/)
    expect(vip.textContent).toContain("7 left")
    const hoodie = document.querySelector('[data-offer-id="off_2"]')!
    expect(hoodie.querySelector("s")).toBeNull()
    expect(hoodie.textContent).toContain("Sold out")
    expect((hoodie.querySelector("button") as HTMLButtonElement).disabled).toBe(true)
  })

  it("tracks OFFER_VIEW once per offer, even under StrictMode and re-renders", async () => {
    setup()
    await screen.findByText("VIP upgrade")
    const views = track.mock.calls.map((c) => c[0]).filter((e) => e.type === "OFFER_VIEW")
    expect(views.map((v) => v.entity_id).sort()).toEqual(["off_1", "off_2"])
    expect(views[0]).toMatchObject({ event_id: "prod_1" })
  })

  it("Add purchases with the customer token and tracks only the click (add-to-cart is the server's hold)", async () => {
    const onPurchased = setup()
    await screen.findByText("VIP upgrade")
    const button = document.querySelector('[data-offer-id="off_1"] button') as HTMLButtonElement
    await act(async () => {
      fireEvent.click(button)
    })
    await screen.findByText("Added")
    const post = calls.find((c) => c.url.endsWith("/store/offers/off_1/purchase"))!
    expect(post.method).toBe("POST")
    expect(post.body).toEqual({ quantity: 1 })
    expect(post.headers).toMatchObject({ authorization: "Bearer cust_jwt", "x-publishable-api-key": "pk_test" })
    const checkout = calls.find((c) => c.url.endsWith("/store/offers/off_1/checkout"))!
    expect(calls.indexOf(checkout)).toBeGreaterThan(calls.indexOf(post))
    expect(checkout).toMatchObject({ method: "POST", body: {} })
    expect(track).toHaveBeenCalledWith(expect.objectContaining({ type: "OFFER_CLICK", entity_id: "off_1", event_id: "prod_1" }))
    expect(track.mock.calls.map((c) => c[0].type)).not.toContain("OFFER_ADD_TO_CART")
    expect(onPurchased).toHaveBeenCalledWith(expect.objectContaining({ cart: { id: "cart_1" } }), expect.objectContaining({ id: "off_1" }))
  })

  it("asks to log in when there is no customer", async () => {
    token = undefined
    setup()
    await screen.findByText("VIP upgrade")
    await act(async () => {
      fireEvent.click(document.querySelector('[data-offer-id="off_1"] button')!)
    })
    expect(await screen.findByRole("alert")).toBeTruthy()
    expect(calls.some((c) => c.url.endsWith("/purchase"))).toBe(false)
  })
})
