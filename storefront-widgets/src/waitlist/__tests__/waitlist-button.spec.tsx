import { QueryClient, QueryClientProvider } from "@tanstack/react-query"
import { act, fireEvent, render, screen } from "@testing-library/react"
import { ReactNode } from "react"
import { io } from "socket.io-client"
import { MonetizationProvider } from "../../config"
import { WaitlistButton } from "../waitlist-button"

type Handler = (...args: any[]) => void
type FakeSocket = { handlers: Record<string, Handler[]>; on: jest.Mock; removeAllListeners: jest.Mock; disconnect: jest.Mock; emitServer: (event: string, payload?: unknown) => void }

const sockets: FakeSocket[] = []
jest.mock("socket.io-client", () => ({
  io: jest.fn(() => {
    const s: FakeSocket = {
      handlers: {},
      on: jest.fn((event: string, fn: Handler) => {
        ;(s.handlers[event] ??= []).push(fn)
        return s
      }),
      removeAllListeners: jest.fn(() => {
        s.handlers = {}
      }),
      disconnect: jest.fn(),
      emitServer: (event, payload) => s.handlers[event]?.forEach((fn) => fn(payload)),
    }
    sockets.push(s)
    return s
  }),
}))

const track = jest.fn()
jest.mock("../../analytics/use-track", () => ({ useTrack: () => track }))

type Call = { url: string; method: string; body?: any; headers: Record<string, string> }
let calls: Call[]
let entry: any
let token: string | undefined

const respond = (status: number, body: unknown) =>
  ({ ok: status < 300, status, statusText: "", text: async () => JSON.stringify(body) }) as Response

beforeEach(() => {
  jest.useFakeTimers({ now: new Date("2026-11-25T12:00:00Z") })
  sockets.length = 0
  ;(io as jest.Mock).mockClear()
  track.mockClear()
  window.sessionStorage.clear()
  calls = []
  entry = null
  token = "cust_jwt"
  globalThis.fetch = jest.fn(async (url: RequestInfo | URL, init?: RequestInit) => {
    const u = String(url)
    const method = init?.method ?? "GET"
    const body = init?.body ? JSON.parse(String(init.body)) : undefined
    calls.push({ url: u, method, body, headers: init?.headers as any })
    if (u.endsWith("/waitlist") && method === "GET") {
      return entry ? respond(200, { waitlist_entry: entry }) : respond(404, { type: "not_found", message: "You are not on this session's waitlist" })
    }
    if (u.endsWith("/waitlist") && method === "POST") {
      entry = { id: "wle_1", session_id: "var_full", status: "WAITING", position: 3, total: 5, estimated_wait_minutes: 12 }
      return respond(201, { waitlist_entry: entry })
    }
    if (u.endsWith("/waitlist/accept")) {
      entry = { ...entry, status: "ACCEPTED", offer: null }
      return respond(200, { cart: { id: "cart_9" }, waitlist_entry: entry })
    }
    if (u.endsWith("/waitlist/decline")) {
      entry = { ...entry, status: "DECLINED", offer: null }
      return respond(200, { waitlist_entry: entry })
    }
    return respond(200, {})
  }) as typeof fetch
})
afterEach(() => jest.useRealTimers())

const flush = async () => {
  for (let i = 0; i < 5; i++) {
    await act(async () => {
      jest.advanceTimersByTime(0)
    })
  }
}

function setup(onAccepted = jest.fn()) {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } })
  const wrapper = ({ children }: { children?: ReactNode }) => (
    <QueryClientProvider client={client}>
      <MonetizationProvider baseUrl="https://api.test" publishableKey="pk_test" getCustomerToken={() => token}>
        {children}
      </MonetizationProvider>
    </QueryClientProvider>
  )
  const utils = render(<WaitlistButton sessionId="var_full" eventId="prod_1" onAccepted={onAccepted} />, { wrapper })
  return { ...utils, onAccepted }
}

const server = async (event: string, payload: unknown) => {
  act(() => sockets[sockets.length - 1].emitServer(event, payload))
  await flush()
}

describe("WaitlistButton", () => {
  it("connects with the customer token over websocket with reconnection", async () => {
    setup()
    await flush()
    expect(io).toHaveBeenCalledWith("https://api.test", {
      path: "/socket.io",
      auth: { token: "cust_jwt" },
      transports: ["websocket"],
      reconnection: true,
    })
  })

  it("asks to log in without a customer token and opens no socket", async () => {
    token = undefined
    setup()
    await flush()
    expect(screen.getByText(/Log in/)).toBeTruthy()
    expect(io).not.toHaveBeenCalled()
  })

  it("joins, shows the position and follows WAITLIST_POSITION_UPDATE", async () => {
    setup()
    await flush()
    fireEvent.click(screen.getByText("Join waitlist"))
    await flush()
    const post = calls.find((c) => c.method === "POST")!
    expect(post.url).toBe("https://api.test/store/sessions/var_full/waitlist")
    expect(post.headers).toMatchObject({ authorization: "Bearer cust_jwt" })
    expect(screen.getByText("You are #3 of 5, ~12 min")).toBeTruthy()
    // The server records the join; the widget reporting it too counted every join twice.
    expect(track).not.toHaveBeenCalled()

    await server("WAITLIST_POSITION_UPDATE", { session_id: "other", position: 1, total: 1, estimated_wait_minutes: 0 })
    expect(screen.getByText("You are #3 of 5, ~12 min")).toBeTruthy()
    await server("WAITLIST_POSITION_UPDATE", { session_id: "var_full", position: 1, total: 4, estimated_wait_minutes: 2 })
    expect(screen.getByText("You are #1 of 4, ~2 min")).toBeTruthy()
  })

  it("shows an offer countdown and accepts with the join token", async () => {
    entry = { id: "wle_1", session_id: "var_full", status: "WAITING", position: 1, total: 1, estimated_wait_minutes: 1 }
    const { onAccepted } = setup()
    await flush()
    await server("WAITLIST_OFFER", {
      session_id: "var_full",
      title: "A seat is yours",
      message: "Claim it within 2 minutes",
      join_token: "jt_0123456789abcdef",
      expires_at: "2026-11-25T12:02:00Z",
    })
    expect(screen.getByText("A seat is yours")).toBeTruthy()
    expect(screen.getByText("Offer expires in 2:00")).toBeTruthy()
    await act(async () => {
      jest.advanceTimersByTime(5000)
    })
    expect(screen.getByText("Offer expires in 1:55")).toBeTruthy()

    fireEvent.click(screen.getByText("Accept"))
    await flush()
    const accept = calls.find((c) => c.url.endsWith("/waitlist/accept"))!
    expect(accept.body).toEqual({ join_token: "jt_0123456789abcdef" })
    expect(onAccepted).toHaveBeenCalledWith({ id: "cart_9" })
    expect(screen.getByText(/seat is held/)).toBeTruthy()
    expect(track).not.toHaveBeenCalled()
  })

  it("takes the join token from an accept link: out of the URL at once, never accepted on load, accepted on click", async () => {
    window.history.replaceState(null, "", "/waitlist/accept?session_id=var_full&join_token=jt_link_0123456789abcdef")
    entry = {
      id: "wle_1",
      session_id: "var_full",
      status: "OFFERED",
      position: 0,
      total: 0,
      estimated_wait_minutes: 0,
      offer: { expires_at: "2026-11-25T12:10:00Z" },
    }
    const { onAccepted } = setup()
    await flush()
    expect(window.location.search).toBe("?session_id=var_full")
    expect(calls.filter((c) => c.method === "POST")).toEqual([])
    expect(screen.getByText("Offer expires in 10:00")).toBeTruthy()

    fireEvent.click(screen.getByText("Accept"))
    await flush()
    expect(calls.find((c) => c.url.endsWith("/waitlist/accept"))!.body).toEqual({ join_token: "jt_link_0123456789abcdef" })
    expect(onAccepted).toHaveBeenCalledWith({ id: "cart_9" })
    window.history.replaceState(null, "", "/")
  })

  it("keeps a link's token until the customer logs in, and accepts nothing meanwhile", async () => {
    window.history.replaceState(null, "", "/waitlist/accept?session_id=var_full&join_token=jt_link_0123456789abcdef")
    token = undefined
    const first = setup()
    await flush()
    expect(window.location.search).toBe("?session_id=var_full")
    expect(screen.getByText(/Log in/)).toBeTruthy()
    expect(calls).toEqual([])
    first.unmount()

    token = "cust_jwt"
    entry = { id: "wle_1", session_id: "var_full", status: "OFFERED", position: 0, total: 0, estimated_wait_minutes: 0, offer: { expires_at: "2026-11-25T12:05:00Z" } }
    setup()
    await flush()
    expect(screen.getByText("Accept")).toBeTruthy()
    expect(calls.filter((c) => c.method === "POST")).toEqual([])
    window.history.replaceState(null, "", "/")
  })

  it("declines an offer", async () => {
    entry = { id: "wle_1", session_id: "var_full", status: "WAITING", position: 1, total: 1, estimated_wait_minutes: 1 }
    setup()
    await flush()
    await server("WAITLIST_OFFER", { session_id: "var_full", title: "Seat", message: "", join_token: "jt_0123456789abcdef", expires_at: "2026-11-25T12:02:00Z" })
    fireEvent.click(screen.getByText("Decline"))
    await flush()
    expect(calls.find((c) => c.url.endsWith("/waitlist/decline"))!.body).toEqual({ join_token: "jt_0123456789abcdef" })
    expect(screen.getByText("You declined the offer.")).toBeTruthy()
    expect(track).not.toHaveBeenCalled()
  })

  it("shows the expiry message on WAITLIST_OFFER_EXPIRED", async () => {
    entry = { id: "wle_1", session_id: "var_full", status: "WAITING", position: 1, total: 1, estimated_wait_minutes: 1 }
    setup()
    await flush()
    await server("WAITLIST_OFFER", { session_id: "var_full", title: "Seat", message: "", join_token: "jt_0123456789abcdef", expires_at: "2026-11-25T12:02:00Z" })
    expect(screen.getByText("Accept")).toBeTruthy()
    await server("WAITLIST_OFFER_EXPIRED", { session_id: "var_full", message: "Too late, the seat went to the next person." })
    expect(screen.getByText("Too late, the seat went to the next person.")).toBeTruthy()
    expect(screen.queryByText("Accept")).toBeNull()
  })

  it("says a non-full session should be bought instead (409)", async () => {
    setup()
    await flush()
    ;(globalThis.fetch as jest.Mock).mockImplementationOnce(async () => respond(409, { type: "not_allowed", message: "Session is not full" }))
    fireEvent.click(screen.getByText("Join waitlist"))
    await flush()
    expect(screen.getByRole("alert").textContent).toMatch(/buy it instead/)
  })

  it("disconnects on unmount", async () => {
    const { unmount } = setup()
    await flush()
    unmount()
    expect(sockets[0].disconnect).toHaveBeenCalled()
  })

  it("keeps the join token across a reload (sessionStorage) so the offer can still be accepted", async () => {
    entry = { id: "wle_1", session_id: "var_full", status: "WAITING", position: 1, total: 1, estimated_wait_minutes: 1 }
    const first = setup()
    await flush()
    await server("WAITLIST_OFFER", { session_id: "var_full", title: "Seat", message: "", join_token: "jt_0123456789abcdef", expires_at: "2026-11-25T12:02:00Z" })
    first.unmount()
    entry = { ...entry, status: "OFFERED", offer: { expires_at: "2026-11-25T12:02:00Z" } }
    setup()
    await flush()
    expect(screen.getByText("Accept")).toBeTruthy()
    expect(screen.getByText("Offer expires in 2:00")).toBeTruthy()
  })

  it("without the join token, an OFFERED entry explains where to accept", async () => {
    entry = { id: "wle_1", session_id: "var_full", status: "OFFERED", position: 1, total: 1, estimated_wait_minutes: 0, offer: { expires_at: "2026-11-25T12:01:00Z" } }
    setup()
    await flush()
    expect(screen.getByText(/A seat is offered to you \(1:00 left\)/)).toBeTruthy()
    expect(screen.queryByText("Join waitlist")).toBeNull()
  })
})
