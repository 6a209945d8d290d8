import { useQuery, useQueryClient } from "@tanstack/react-query"
import { useState } from "react"
import { formatPrice, MonetizationConfig, storeFetch, useMonetizationConfig } from "../../storefront-widgets/src"

type StoreCart = {
  id: string
  total: number
  currency_code: string
  items: { id: string; title: string; subtitle?: string; quantity: number; requires_shipping: boolean }[]
  shipping_methods?: { id: string }[]
  payment_collection?: { id: string; payment_sessions?: PaymentSession[] }
}
type PaymentSession = { id: string; provider_id: string; status: string; data: { id?: string; client_secret?: string } }
type CompleteResult = { type: "order"; order: { id: string; display_id: number } } | { type: "cart"; error: { message: string } }

const CART_FIELDS = "id,total,currency_code,*items,+items.requires_shipping,*shipping_methods,*payment_collection.payment_sessions"
const STRIPE_PROVIDER = "pp_stripe_stripe"
// Merchandise is collected at the venue; Medusa still wants an address to pick the shipping option.
const VENUE_ADDRESS = { first_name: "Demo", last_name: "Attendee", address_1: "Venue", city: "Berlin", postal_code: "10115", country_code: "de" }

const post = <T,>(config: MonetizationConfig, path: string, body: unknown = {}) =>
  storeFetch<T>(config, path, { method: "POST", body: JSON.stringify(body) })

const getCart = async (config: MonetizationConfig, cartId: string) =>
  (await storeFetch<{ cart: StoreCart }>(config, `/store/carts/${cartId}?fields=${CART_FIELDS}`)).cart

/** Picks the venue pickup for merchandise, then (re)opens a Stripe payment session for the final total. */
async function prepareForPayment(config: MonetizationConfig, cartId: string): Promise<StoreCart> {
  let cart = await getCart(config, cartId)
  if (cart.items.some((item) => item.requires_shipping) && !cart.shipping_methods?.length) {
    await post(config, `/store/carts/${cartId}`, { shipping_address: VENUE_ADDRESS })
    const { shipping_options } = await storeFetch<{ shipping_options: { id: string }[] }>(
      config,
      `/store/shipping-options?cart_id=${cartId}`
    )
    if (!shipping_options.length) throw new Error("No shipping option for this cart")
    await post(config, `/store/carts/${cartId}/shipping-methods`, { option_id: shipping_options[0].id })
    cart = await getCart(config, cartId)
  }
  if (cart.payment_collection?.payment_sessions?.some((s) => s.provider_id === STRIPE_PROVIDER)) {
    return cart
  }
  const collectionId =
    cart.payment_collection?.id ??
    (await post<{ payment_collection: { id: string } }>(config, "/store/payment-collections", { cart_id: cartId }))
      .payment_collection.id
  await post(config, `/store/payment-collections/${collectionId}/payment-sessions`, { provider_id: STRIPE_PROVIDER })
  return getCart(config, cartId)
}

/** What Stripe.js' confirmCardPayment does, against the demo's local Stripe. */
async function confirmWithTestCard(intentId: string, clientSecret: string) {
  const res = await fetch(`/stripe/payment_intents/${encodeURIComponent(intentId)}/confirm`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ client_secret: clientSecret }),
  })
  if (!res.ok) throw new Error(`Payment failed (${res.status})`)
}

export type CheckoutProps = { cartId: string; holdExpiresAt?: string; offline: boolean }

export function Checkout({ cartId, holdExpiresAt, offline }: CheckoutProps) {
  const config = useMonetizationConfig()
  const client = useQueryClient()
  const cart = useQuery({ queryKey: ["demo-checkout", cartId], queryFn: () => prepareForPayment(config, cartId) })
  const [status, setStatus] = useState<string>()
  const [busy, setBusy] = useState(false)

  const pay = async () => {
    setBusy(true)
    setStatus(undefined)
    try {
      const session = cart.data?.payment_collection?.payment_sessions?.find((s) => s.provider_id === STRIPE_PROVIDER)
      if (!session?.data.id || !session.data.client_secret) throw new Error("No Stripe payment session on this cart")
      await confirmWithTestCard(session.data.id, session.data.client_secret)
      const result = await post<CompleteResult>(config, `/store/carts/${cartId}/complete`)
      if (result.type !== "order") throw new Error(result.error.message)
      setStatus(`Order #${result.order.display_id} placed — thank you!`)
      await client.invalidateQueries({ queryKey: ["demo-offer-purchases"] })
      await client.invalidateQueries({ queryKey: ["medusa-monetization", "offers"] })
    } catch (error) {
      setStatus((error as Error).message)
    } finally {
      setBusy(false)
    }
  }

  if (cart.isPending) return <p className="muted">Preparing checkout…</p>
  if (cart.isError) return <p role="alert">{cart.error.message}</p>
  return (
    <div className="checkout" data-testid="demo-checkout">
      <ul>
        {cart.data.items.map((item) => (
          <li key={item.id}>
            {item.quantity} × {item.title} {item.subtitle ? `(${item.subtitle})` : ""}
            {item.requires_shipping ? " — pick up at the venue" : ""}
          </li>
        ))}
      </ul>
      {holdExpiresAt && <p className="muted">Held for you until {new Date(holdExpiresAt).toLocaleTimeString()}.</p>}
      <button onClick={pay} disabled={busy || !offline}>
        Pay {formatPrice(cart.data.total, cart.data.currency_code)} with test card 4242
      </button>
      {!offline && <p className="muted">Real Stripe: confirm the payment with Stripe.js in your own storefront.</p>}
      {status && <p role="status">{status}</p>}
    </div>
  )
}

type OfferPurchaseRow = { id: string; order_id: string; quantity: number; amount: number; currency_code: string; offer?: { title: string } }

export function MyOfferPurchases() {
  const config = useMonetizationConfig()
  const purchases = useQuery({
    queryKey: ["demo-offer-purchases"],
    queryFn: () => storeFetch<{ offer_purchases: OfferPurchaseRow[] }>(config, "/store/customers/me/offer-purchases"),
    // The order subscriber records the purchase just after completion.
    refetchInterval: 3000,
  })
  const rows = purchases.data?.offer_purchases ?? []
  return (
    <div data-testid="demo-offer-purchases">
      <h3>Your offer purchases</h3>
      {rows.length ? (
        <ul>
          {rows.map((row) => (
            <li key={row.id}>
              {row.quantity} × {row.offer?.title ?? "offer"} — {formatPrice(row.amount, row.currency_code)} (order {row.order_id})
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted">None yet.</p>
      )}
    </div>
  )
}
