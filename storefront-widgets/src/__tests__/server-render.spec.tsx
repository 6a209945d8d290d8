import { QueryClient, QueryClientProvider } from "@tanstack/react-query"
import { act } from "react"
import { hydrateRoot } from "react-dom/client"
import { assignVariant } from "../../../src/shared/ab-assignment"
import { useABTest } from "../ab-test/use-ab-test"
import { AdSlot } from "../ads/ad-slot"
import { MonetizationProvider } from "../config"
import { SESSION_TOKEN_KEY } from "../session-token"
import { WaitlistButton } from "../waitlist/waitlist-button"

// jsdom has no TextEncoder, which React's server renderer needs (a server has it): loaded after it is set.
Object.assign(globalThis, { TextEncoder: jest.requireActual<{ TextEncoder: unknown }>("util").TextEncoder, IS_REACT_ACT_ENVIRONMENT: true })
const { renderToString } = jest.requireActual<typeof import("react-dom/server")>("react-dom/server")

jest.mock("socket.io-client", () => ({
  io: jest.fn(() => ({ on: jest.fn(), removeAllListeners: jest.fn(), disconnect: jest.fn() })),
}))

const VARIANTS = Array.from({ length: 8 }, (_, i) => ({ id: `v${i}`, weight: 1 }))
const BROWSER_TOKEN = "browser-session-token"

function Headline() {
  const { variant } = useABTest("hero", VARIANTS, { eventId: "prod_1" })
  return <h1 data-variant={variant ?? ""}>{variant ? `Variant ${variant}` : "Welcome"}</h1>
}

/** What a Next.js page renders: the same tree on the server and in the browser. */
function Page({ getCustomerToken }: { getCustomerToken: () => string | undefined }) {
  return (
    <QueryClientProvider client={new QueryClient({ defaultOptions: { queries: { retry: false } } })}>
      <MonetizationProvider baseUrl="http://api.test" publishableKey="pk_test" getCustomerToken={getCustomerToken}>
        <Headline />
        <AdSlot eventId="prod_1" placement="EVENT_HERO" />
        <WaitlistButton sessionId="var_1" />
      </MonetizationProvider>
    </QueryClientProvider>
  )
}

const respond = (status: number, body: unknown) =>
  ({ ok: status < 300, status, statusText: "", text: async () => JSON.stringify(body) }) as Response

describe("server rendering and hydration (Next.js App Router)", () => {
  let server = true
  const getCustomerToken = () => (server ? undefined : "cust_jwt")

  beforeEach(() => {
    server = true
    window.localStorage.clear()
    globalThis.fetch = jest.fn(async (url: RequestInfo | URL) =>
      String(url).includes("/store/ads") ? respond(200, { ads: [] }) : respond(404, { type: "not_found", message: "not on the list" })
    ) as typeof fetch
  })

  it("renders what the server can know, then hydrates to the browser's session and customer without a mismatch", async () => {
    // The server has no storage and no customer token.
    const storage = jest.spyOn(Storage.prototype, "getItem").mockImplementation(() => {
      throw new ReferenceError("window is not defined")
    })
    const html = renderToString(<Page getCustomerToken={getCustomerToken} />)
    storage.mockRestore()
    expect(html).toContain('<h1 data-variant="">Welcome</h1>')
    expect(html).toContain("Log in to join the waitlist.")

    // The browser: its own session token, a logged-in customer.
    server = false
    window.localStorage.setItem(SESSION_TOKEN_KEY, BROWSER_TOKEN)
    const container = document.createElement("div")
    container.innerHTML = html
    document.body.appendChild(container)
    const recoverable: unknown[] = []
    const consoleError = jest.spyOn(console, "error").mockImplementation(() => undefined)
    await act(async () => {
      hydrateRoot(container, <Page getCustomerToken={getCustomerToken} />, { onRecoverableError: (e) => recoverable.push(e) })
    })
    await act(async () => {
      await new Promise((resolve) => setTimeout(resolve, 0))
    })

    expect(recoverable).toEqual([])
    expect(consoleError).not.toHaveBeenCalled()
    consoleError.mockRestore()
    const expected = assignVariant(BROWSER_TOKEN, "hero", VARIANTS)
    expect(container.querySelector("h1")?.getAttribute("data-variant")).toBe(expected)
    expect(container.textContent).toContain("Join waitlist")
    // The ads were asked for this browser's viewer, once it was known.
    const adCall = (globalThis.fetch as jest.Mock).mock.calls.map(([url]) => String(url)).find((url) => url.includes("/store/ads"))
    expect(adCall).toContain(`session_token=${BROWSER_TOKEN}`)
  })
})
