import http from "http"
import { AddressInfo } from "net"
import { randomBytes } from "crypto"
import { paymentIntentEvent, signStripeWebhook } from "./sign-webhook"

type Json = Record<string, any>
type Reply = [status: number, body: Json]
type Route = (params: string[], body: Json) => Reply

export type FakeStripeApi = {
  port: number
  url: string
  intents: Map<string, Json>
  customers: Map<string, Json>
  refunds: Map<string, Json>
  requests: Array<{ method: string; path: string; body: Json }>
  /** Simulates the customer paying; `decline` leaves a card error instead. */
  confirm(id: string, opts?: { paymentMethod?: string; decline?: boolean }): Json
  close(): Promise<void>
}

const newId = (prefix: string) => `${prefix}_${randomBytes(12).toString("hex")}`
const now = () => Math.floor(Date.now() / 1000)
const num = (v: unknown) => (v === undefined || v === "" ? undefined : Number(v))

/** Stripe bodies and queries are qs-style: `metadata[a]=1&expand[0]=x`. */
export function parseForm(input: string): Json {
  const out: Json = {}
  for (const [rawKey, value] of new URLSearchParams(input)) {
    const [head, ...rest] = rawKey.split("[")
    const keys = [head, ...rest.map((k) => k.replace(/]$/, ""))]
    let node: any = out
    keys.forEach((key, i) => {
      const k = key === "" && Array.isArray(node) ? node.length : key
      if (i === keys.length - 1) node[k] = value
      else node = node[k] ??= /^\d*$/.test(keys[i + 1]) ? [] : {}
    })
  }
  return out
}

const stripeError = (status: number, error: Json): Reply => [
  status,
  { error: { type: "invalid_request_error", ...error } },
]
const missing = (kind: string, id: string) =>
  stripeError(404, { code: "resource_missing", param: "id", message: `No such ${kind}: '${id}'` })
const unexpectedState = (intent: Json, action: string) =>
  stripeError(400, {
    code: "payment_intent_unexpected_state",
    message: `This PaymentIntent could not be ${action} because it has a status of ${intent.status}.`,
    payment_intent: intent,
  })

const mergeMetadata = (current: Json, patch: Json | undefined) => {
  const merged = { ...current, ...(patch ?? {}) }
  // Stripe unsets a metadata key when it is sent empty.
  for (const k of Object.keys(merged)) if (merged[k] === "") delete merged[k]
  return merged
}

const fakePaymentMethod = (id: string, customer: string | null = null) => ({
  id,
  object: "payment_method",
  type: "card",
  customer,
  card: { brand: "visa", last4: "4242", exp_month: 12, exp_year: 2034, country: "US" },
  billing_details: { address: null, email: null, name: null, phone: null },
  created: now(),
  livemode: false,
  metadata: {},
})

/** Where Stripe would deliver its events: Medusa's `/hooks/payment/stripe_stripe`. */
export type FakeStripeWebhook = { url: string; secret: string }

export type FakeStripeOptions = {
  port?: number
  /** Deliver signed payment_intent events after confirm and capture, as Stripe does. */
  webhook?: FakeStripeWebhook
  onWebhookError?: (error: Error) => void
}

export async function startFakeStripeApi(options: FakeStripeOptions = {}): Promise<FakeStripeApi> {
  const intents = new Map<string, Json>()
  const customers = new Map<string, Json>()
  const refunds = new Map<string, Json>()
  const requests: FakeStripeApi["requests"] = []
  const idempotent = new Map<string, { fingerprint: string; reply: Reply }>()

  const deliver = (type: string, intent: Json) => {
    if (!options.webhook) return
    const { body, headers } = signStripeWebhook(paymentIntentEvent(type, { ...intent }), options.webhook.secret)
    fetch(options.webhook.url, { method: "POST", headers, body })
      .then((res) => {
        if (!res.ok) throw new Error(`webhook ${type} answered ${res.status}`)
      })
      .catch((error: Error) => options.onWebhookError?.(error))
  }

  const render = (intent: Json, expand: string[] = []) =>
    expand.includes("payment_method") && typeof intent.payment_method === "string"
      ? { ...intent, payment_method: fakePaymentMethod(intent.payment_method, intent.customer) }
      : { ...intent }

  const withIntent = (id: string, fn: (intent: Json) => Reply): Reply => {
    const intent = intents.get(id)
    return intent ? fn(intent) : missing("payment_intent", id)
  }

  const confirm = (id: string, opts: { paymentMethod?: string; decline?: boolean } = {}) => {
    const intent = intents.get(id)
    if (!intent) throw new Error(`fake stripe: no payment intent ${id}`)
    intent.payment_method = opts.paymentMethod ?? intent.payment_method ?? "pm_card_visa"
    if (opts.decline) {
      intent.status = "requires_payment_method"
      intent.last_payment_error = {
        type: "card_error",
        code: "card_declined",
        decline_code: "generic_decline",
        message: "Your card was declined.",
      }
      return render(intent)
    }
    intent.latest_charge = newId("ch")
    intent.last_payment_error = null
    if (intent.capture_method === "manual") {
      intent.status = "requires_capture"
      intent.amount_capturable = intent.amount
      deliver("payment_intent.amount_capturable_updated", intent)
    } else {
      intent.status = "succeeded"
      intent.amount_received = intent.amount
      deliver("payment_intent.succeeded", intent)
    }
    return render(intent)
  }

  const createIntent: Route = (_, b) => {
    const id = newId("pi")
    const intent: Json = {
      id,
      object: "payment_intent",
      amount: num(b.amount),
      amount_capturable: 0,
      amount_received: 0,
      amount_refunded: 0,
      canceled_at: null,
      cancellation_reason: null,
      capture_method: b.capture_method ?? "automatic_async",
      client_secret: `${id}_secret_${randomBytes(12).toString("hex")}`,
      confirmation_method: "automatic",
      created: now(),
      currency: String(b.currency ?? "").toLowerCase(),
      customer: b.customer ?? null,
      description: b.description ?? null,
      last_payment_error: null,
      latest_charge: null,
      livemode: false,
      metadata: mergeMetadata({}, b.metadata),
      next_action: null,
      payment_method: b.payment_method ?? null,
      payment_method_types: b.payment_method_types ?? ["card"],
      setup_future_usage: b.setup_future_usage ?? null,
      status: b.payment_method ? "requires_confirmation" : "requires_payment_method",
    }
    intents.set(id, intent)
    if (b.confirm === "true") confirm(id)
    return [200, render(intent, b.expand)]
  }

  const updateIntent: Route = ([id], b) =>
    withIntent(id, (intent) => {
      if (["requires_capture", "succeeded", "canceled"].includes(intent.status)) {
        return unexpectedState(intent, "updated")
      }
      if (b.amount !== undefined) intent.amount = num(b.amount)
      if (b.currency) intent.currency = String(b.currency).toLowerCase()
      if (b.customer !== undefined) intent.customer = b.customer || null
      if (b.description !== undefined) intent.description = b.description || null
      if (b.payment_method) intent.payment_method = b.payment_method
      intent.metadata = mergeMetadata(intent.metadata, b.metadata)
      return [200, render(intent, b.expand)]
    })

  const captureIntent: Route = ([id], b) =>
    withIntent(id, (intent) => {
      if (intent.status !== "requires_capture") return unexpectedState(intent, "captured")
      intent.amount_received = num(b.amount_to_capture) ?? intent.amount_capturable
      intent.amount_capturable = 0
      intent.status = "succeeded"
      deliver("payment_intent.succeeded", intent)
      return [200, render(intent, b.expand)]
    })

  const cancelIntent: Route = ([id], b) =>
    withIntent(id, (intent) => {
      if (["succeeded", "canceled"].includes(intent.status)) return unexpectedState(intent, "canceled")
      intent.status = "canceled"
      intent.canceled_at = now()
      intent.cancellation_reason = b.cancellation_reason ?? null
      intent.amount_capturable = 0
      return [200, render(intent, b.expand)]
    })

  const createRefund: Route = (_, b) => {
    const intent = [...intents.values()].find(
      (i) => i.id === b.payment_intent || (b.charge && i.latest_charge === b.charge)
    )
    if (!intent) return missing("payment_intent", b.payment_intent ?? b.charge)
    if (intent.status !== "succeeded") {
      const message = `PaymentIntent ${intent.id} has no successful charge to refund.`
      return stripeError(400, { message })
    }
    const remaining = intent.amount_received - intent.amount_refunded
    const amount = num(b.amount) ?? remaining
    if (remaining <= 0) {
      const message = `Charge ${intent.latest_charge} has already been refunded.`
      return stripeError(400, { code: "charge_already_refunded", message })
    }
    if (amount > remaining) {
      const message = `Refund amount is greater than unrefunded amount on charge (${remaining}).`
      return stripeError(400, { code: "amount_too_large", param: "amount", message })
    }
    intent.amount_refunded += amount
    const refund = {
      id: newId("re"),
      object: "refund",
      amount,
      charge: intent.latest_charge,
      created: now(),
      currency: intent.currency,
      metadata: mergeMetadata({}, b.metadata),
      payment_intent: intent.id,
      reason: b.reason ?? null,
      status: "succeeded",
    }
    refunds.set(refund.id, refund)
    return [200, refund]
  }

  const createCustomer: Route = (_, b) => {
    const { expand: _e, metadata, ...fields } = b
    const customer = {
      id: newId("cus"),
      object: "customer",
      created: now(),
      livemode: false,
      ...fields,
      metadata: mergeMetadata({}, metadata),
    }
    customers.set(customer.id, customer)
    return [200, customer]
  }

  const withCustomer = (id: string, fn: (c: Json) => Reply): Reply => {
    const customer = customers.get(id)
    return customer ? fn(customer) : missing("customer", id)
  }

  const list = (data: Json[], url: string): Reply => [200, { object: "list", data, has_more: false, url }]

  const routes: Array<[string, RegExp, Route]> = [
    ["POST", /^\/v1\/payment_intents$/, createIntent],
    ["GET", /^\/v1\/payment_intents\/([^/]+)$/, ([id], b) => withIntent(id, (i) => [200, render(i, b.expand)])],
    ["POST", /^\/v1\/payment_intents\/([^/]+)$/, updateIntent],
    ["POST", /^\/v1\/payment_intents\/([^/]+)\/capture$/, captureIntent],
    ["POST", /^\/v1\/payment_intents\/([^/]+)\/cancel$/, cancelIntent],
    ["POST", /^\/v1\/payment_intents\/([^/]+)\/confirm$/, ([id], b) =>
      withIntent(id, (i) =>
        ["requires_payment_method", "requires_confirmation", "requires_action"].includes(i.status)
          ? [200, render(confirm(id, { paymentMethod: b.payment_method }), b.expand)]
          : unexpectedState(i, "confirmed")
      )],
    ["POST", /^\/v1\/refunds$/, createRefund],
    ["GET", /^\/v1\/refunds\/([^/]+)$/, ([id]) => (refunds.has(id) ? [200, refunds.get(id)!] : missing("refund", id))],
    ["POST", /^\/v1\/customers$/, createCustomer],
    ["GET", /^\/v1\/customers$/, (_, b) =>
      list([...customers.values()].filter((c) => !b.email || c.email === b.email), "/v1/customers")],
    ["GET", /^\/v1\/customers\/([^/]+)$/, ([id]) => withCustomer(id, (c) => [200, c])],
    ["POST", /^\/v1\/customers\/([^/]+)$/, ([id], b) =>
      withCustomer(id, (c) => {
        const { expand: _e, metadata, ...fields } = b
        Object.assign(c, fields, { metadata: mergeMetadata(c.metadata, metadata) })
        return [200, c]
      })],
    ["DELETE", /^\/v1\/customers\/([^/]+)$/, ([id]) =>
      withCustomer(id, () => {
        customers.delete(id)
        return [200, { id, object: "customer", deleted: true }]
      })],
    ["GET", /^\/v1\/customers\/([^/]+)\/payment_methods$/, ([id]) =>
      withCustomer(id, () => list([], `/v1/customers/${id}/payment_methods`))],
    ["GET", /^\/v1\/payment_methods\/([^/]+)$/, ([id]) => [200, fakePaymentMethod(id)]],
    ["POST", /^\/v1\/payment_methods\/([^/]+)\/detach$/, ([id]) => [200, fakePaymentMethod(id)]],
    ["POST", /^\/v1\/setup_intents$/, (_, b) => {
      const id = newId("seti")
      return [200, {
        id,
        object: "setup_intent",
        client_secret: `${id}_secret_${randomBytes(8).toString("hex")}`,
        customer: b.customer ?? null,
        status: "requires_payment_method",
        usage: b.usage ?? "off_session",
        metadata: mergeMetadata({}, b.metadata),
      }]
    }],
  ]

  const dispatch = (method: string, path: string, body: Json): Reply => {
    for (const [m, pattern, route] of routes) {
      const match = m === method && pattern.exec(path)
      if (match) return route(match.slice(1).map(decodeURIComponent), body)
    }
    return stripeError(404, {
      message: `Unrecognized request URL (${method}: ${path}). Please see https://stripe.com/docs or we can help at https://support.stripe.com/.`,
    })
  }

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on("data", (c: Buffer) => chunks.push(c))
    req.on("end", () => {
      const [path, query = ""] = (req.url ?? "/").split("?")
      const method = req.method ?? "GET"
      const body = parseForm(method === "GET" || method === "DELETE" ? query : Buffer.concat(chunks).toString())
      requests.push({ method, path, body })
      // Stripe replays the first response for a reused Idempotency-Key and
      // rejects the key if it comes back with a different request.
      const key = method === "POST" ? req.headers["idempotency-key"] : undefined
      const fingerprint = JSON.stringify([method, path, body])
      const seen = typeof key === "string" ? idempotent.get(key) : undefined
      let reply: Reply
      if (seen) {
        reply = seen.fingerprint === fingerprint ? seen.reply : stripeError(400, {
          type: "idempotency_error",
          message: `Keys for idempotent requests can only be used with the same parameters they were first used with. Try using a key other than '${key}' if you meant to execute a different request.`,
        })
      } else {
        try {
          reply = dispatch(method, path, body)
        } catch (e) {
          reply = [500, { error: { type: "api_error", message: (e as Error).message } }]
        }
        if (typeof key === "string" && reply[0] < 500) idempotent.set(key, { fingerprint, reply })
      }
      res.writeHead(reply[0], { "content-type": "application/json", "request-id": newId("req") })
      res.end(JSON.stringify(reply[1]))
    })
  })

  await new Promise<void>((resolve) => server.listen(options.port ?? 0, "127.0.0.1", resolve))
  const { port } = server.address() as AddressInfo

  return {
    port,
    url: `http://127.0.0.1:${port}`,
    intents,
    customers,
    refunds,
    requests,
    confirm,
    close: () =>
      new Promise<void>((resolve, reject) => {
        // The Stripe SDK keeps connections alive; without this close() would hang.
        server.closeAllConnections()
        server.close((err) => (err ? reject(err) : resolve()))
      }),
  }
}
