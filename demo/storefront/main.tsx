import { QueryClient, QueryClientProvider } from "@tanstack/react-query"
import { FormEvent, StrictMode, useState } from "react"
import { createRoot } from "react-dom/client"
import {
  AdSlot,
  MonetizationProvider,
  OfferList,
  storeFetch,
  takeJoinTokenFromUrl,
  useABTest,
  useMonetizationConfig,
  useOffers,
  useTrack,
  WaitlistButton,
} from "../../storefront-widgets/src"
import { Checkout, MyOfferPurchases } from "./checkout"

type DemoInfo = {
  backend_url: string
  publishable_key: string
  event_id: string
  region_id?: string
  /** The demo runs Medusa's Stripe provider against a local Stripe stand-in. */
  offline_stripe?: boolean
  /** SKU → variant id; "STC26-WS-PAY" is the full (waitlisted) session. */
  variants?: Record<string, string>
  experiment?: DemoExperiment
}
type DemoExperiment = { test_id: string; variants: { id: string; weight: number; headline: string }[] }

function HeroExperiment({ info, experiment }: { info: DemoInfo; experiment: DemoExperiment }) {
  const { variant, trackConversion } = useABTest(experiment.test_id, experiment.variants, { eventId: info.event_id })
  const [converted, setConverted] = useState<string | null>(null)
  const headline = experiment.variants.find((v) => v.id === variant)?.headline
  return (
    <section>
      <p className="muted">A/B test “{experiment.test_id}” — this browser sees variant {variant}</p>
      <h1>{headline}</h1>
      <button
        onClick={() => {
          // Queued with the page's other A/B events (10 / 30 s, or sendBeacon on page hide); the verdict comes later.
          setConverted("conversion queued")
          void trackConversion(true).then((outcome) =>
            setConverted(outcome.status === "rejected" ? `conversion rejected: ${outcome.reason}` : `conversion ${outcome.status}`)
          )
        }}
      >
        Get tickets
      </button>
      {converted && <span className="muted"> {converted}</span>}
    </section>
  )
}

/** Sends tracker events for the first checkout offer by hand, to watch batching in the network tab. */
function TrackedActions({ info }: { info: DemoInfo }) {
  const track = useTrack()
  const offers = useOffers({ eventId: info.event_id, placement: "CHECKOUT" })
  const offer = offers.data?.[0]
  const [log, setLog] = useState<string[]>([])
  const send = (type: "OFFER_VIEW" | "OFFER_CLICK") => {
    if (!offer) return
    track({ type, entity_id: offer.id, event_id: info.event_id })
    setLog((lines) => [`${new Date().toLocaleTimeString()} ${type} ${offer.title}`, ...lines].slice(0, 8))
  }
  return (
    <section>
      <h2>Tracker</h2>
      <p className="muted">
        Events are batched (10 events or 30 s) and flushed when you leave the page; they feed the admin's Analytics page.
      </p>
      <button onClick={() => send("OFFER_VIEW")} disabled={!offer}>View offer</button>
      <button onClick={() => send("OFFER_CLICK")} disabled={!offer}>Click offer</button>
      <div className="log">{log.join("\n")}</div>
    </section>
  )
}

const FULL_SESSION_SKU = "STC26-WS-PAY"
const GENERAL_ADMISSION_SKU = "STC26-GA"

type OpenCheckout = { cartId: string; holdExpiresAt?: string }

/** A plain ticket sale through Medusa's cart: it makes the customer eligible for the VIP upgrade offer. */
function BuyTicket({ info, onCart }: { info: DemoInfo; onCart: (checkout: OpenCheckout) => void }) {
  const config = useMonetizationConfig()
  const [error, setError] = useState<string>()
  const variantId = info.variants?.[GENERAL_ADMISSION_SKU]
  const buy = async () => {
    setError(undefined)
    try {
      const post = <T,>(path: string, body: unknown) => storeFetch<T>(config, path, { method: "POST", body: JSON.stringify(body) })
      const { cart } = await post<{ cart: { id: string } }>("/store/carts", info.region_id ? { region_id: info.region_id } : {})
      await post(`/store/carts/${cart.id}/line-items`, { variant_id: variantId, quantity: 1 })
      onCart({ cartId: cart.id })
    } catch (err) {
      setError((err as Error).message)
    }
  }
  return (
    <>
      <button onClick={buy} disabled={!variantId}>Buy a General Admission ticket</button>
      {error && <span role="alert"> {error}</span>}
    </>
  )
}

async function authPost(url: string, body: unknown, headers: Record<string, string> = {}): Promise<{ token?: string; message?: string }> {
  const res = await fetch(url, { method: "POST", headers: { "content-type": "application/json", ...headers }, body: JSON.stringify(body) })
  const json = await res.json().catch(() => ({}))
  if (!res.ok) throw new Error(json.message ?? `${res.status} ${res.statusText}`)
  return json
}

/** Medusa's emailpass flow: register an identity, create the customer with that token, then log in. */
async function registerCustomer(info: DemoInfo, email: string, password: string): Promise<string> {
  const base = info.backend_url.replace(/\/+$/, "")
  const { token: registration } = await authPost(`${base}/auth/customer/emailpass/register`, { email, password })
  await authPost(
    `${base}/store/customers`,
    { email, first_name: "Demo", last_name: "Customer" },
    { authorization: `Bearer ${registration}`, "x-publishable-api-key": info.publishable_key }
  )
  return loginCustomer(info, email, password)
}

async function loginCustomer(info: DemoInfo, email: string, password: string): Promise<string> {
  const { token } = await authPost(`${info.backend_url.replace(/\/+$/, "")}/auth/customer/emailpass`, { email, password })
  if (!token) throw new Error("Login answered no token")
  return token
}

function CustomerLogin({ info, token, setToken }: { info: DemoInfo; token?: string; setToken: (token?: string) => void }) {
  const [email, setEmail] = useState("")
  const [password, setPassword] = useState("")
  const [error, setError] = useState<string>()
  const [busy, setBusy] = useState(false)
  if (token) {
    return (
      <section>
        <h2>Customer</h2>
        <span className="muted">Logged in. </span>
        <button onClick={() => setToken(undefined)}>Log out</button>
      </section>
    )
  }
  const submit = (action: "login" | "register") => async (e?: FormEvent) => {
    e?.preventDefault()
    setBusy(true)
    setError(undefined)
    try {
      setToken(action === "login" ? await loginCustomer(info, email, password) : await registerCustomer(info, email, password))
    } catch (err) {
      setError((err as Error).message)
    } finally {
      setBusy(false)
    }
  }
  return (
    <section>
      <h2>Customer</h2>
      <form onSubmit={submit("login")}>
        <input type="email" placeholder="email" value={email} onChange={(e) => setEmail(e.target.value)} required />{" "}
        <input type="password" placeholder="password" value={password} onChange={(e) => setPassword(e.target.value)} required />{" "}
        <button type="submit" disabled={busy}>Log in</button>
        <button type="button" disabled={busy || !email || !password} onClick={() => submit("register")()}>
          Register
        </button>
      </form>
      {error && <p className="muted" role="alert">{error}</p>}
    </section>
  )
}

// An accept link from the waitlist notification: its join token leaves the address bar before
// anything renders; nothing is accepted until the logged-in customer clicks Accept.
const acceptLink = takeJoinTokenFromUrl()
const ACCEPT_SESSION_ID =
  window.location.pathname === "/waitlist/accept"
    ? acceptLink?.session_id ?? new URLSearchParams(window.location.search).get("session_id")
    : null

function AcceptWaitlistOffer({ sessionId, token, eventId }: { sessionId: string; token?: string; eventId: string }) {
  return (
    <section data-testid="waitlist-accept-page">
      <h2>Your waitlist offer</h2>
      {token ? (
        <WaitlistButton sessionId={sessionId} eventId={eventId} />
      ) : (
        <p className="muted">Log in as the customer the offer was sent to, then accept it here.</p>
      )}
    </section>
  )
}

function App({ info }: { info: DemoInfo }) {
  const [token, setToken] = useState<string>()
  const [checkout, setCheckout] = useState<OpenCheckout>()
  const fullSession = info.variants?.[FULL_SESSION_SKU]
  return (
    <MonetizationProvider baseUrl={info.backend_url} publishableKey={info.publishable_key} getCustomerToken={() => token}>
      <main>
        <AdSlot eventId={info.event_id} placement="EVENT_HERO" />
        {info.experiment && <HeroExperiment info={info} experiment={info.experiment} />}
        <CustomerLogin info={info} token={token} setToken={setToken} />
        {ACCEPT_SESSION_ID && <AcceptWaitlistOffer sessionId={ACCEPT_SESSION_ID} token={token} eventId={info.event_id} />}
        {token && (
          <section>
            <h2>Tickets</h2>
            <BuyTicket info={info} onCart={setCheckout} />
          </section>
        )}
        <section>
          <h2>Add to your order</h2>
          <OfferList
            eventId={info.event_id}
            placement="CHECKOUT"
            onPurchased={(result) => setCheckout({ cartId: result.cart.id, holdExpiresAt: result.hold.expires_at })}
          />
        </section>
        {token && (
          <section>
            <h2>For ticket holders</h2>
            <p className="muted">Offers targeted at General Admission buyers appear once you hold that ticket.</p>
            <OfferList
              eventId={info.event_id}
              placement="POST_PURCHASE"
              onPurchased={(result) => setCheckout({ cartId: result.cart.id, holdExpiresAt: result.hold.expires_at })}
            />
          </section>
        )}
        {token && checkout && (
          <section>
            <h2>Checkout</h2>
            <Checkout
              key={checkout.cartId}
              cartId={checkout.cartId}
              holdExpiresAt={checkout.holdExpiresAt}
              offline={Boolean(info.offline_stripe)}
            />
          </section>
        )}
        {token && (
          <section>
            <MyOfferPurchases />
          </section>
        )}
        {token && fullSession && fullSession !== ACCEPT_SESSION_ID && (
          <section>
            <h2>Workshop (sold out)</h2>
            <WaitlistButton sessionId={fullSession} eventId={info.event_id} />
          </section>
        )}
        <TrackedActions info={info} />
      </main>
    </MonetizationProvider>
  )
}

async function start() {
  const info: DemoInfo = await fetch("/demo-info.json").then((r) => r.json())
  const queryClient = new QueryClient()
  createRoot(document.getElementById("root")!).render(
    <StrictMode>
      <QueryClientProvider client={queryClient}>
        <App info={info} />
      </QueryClientProvider>
    </StrictMode>
  )
}

start()
