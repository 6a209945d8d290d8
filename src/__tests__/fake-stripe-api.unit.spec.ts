import { PaymentActions, PaymentSessionStatus } from "@medusajs/framework/utils"
import { FakeStripeApi, startFakeStripeApi } from "../../demo/offline-stripe/fake-stripe-api"
import { loadStripe } from "../../demo/offline-stripe/load-stripe"
import { paymentIntentEvent, signStripeWebhook } from "../../demo/offline-stripe/sign-webhook"
import { OfflineStripeProviderService } from "../../demo/offline-stripe/provider"

const secret = "whsec_test_secret"
const logger = { info: jest.fn(), warn: jest.fn(), error: jest.fn(), debug: jest.fn() }

describe("fake Stripe API + test Stripe provider", () => {
  let fake: FakeStripeApi
  let provider: OfflineStripeProviderService

  const makeProvider = (options: Record<string, unknown> = {}) =>
    new OfflineStripeProviderService({ logger }, {
      apiKey: "sk_test_fake",
      webhookSecret: secret,
      fakeApiPort: fake.port,
      ...options,
    })

  beforeAll(async () => {
    fake = await startFakeStripeApi()
    provider = makeProvider()
  })

  afterAll(() => fake.close())

  it("runs initiate → confirm → authorize → capture → refund (manual capture)", async () => {
    const initiated = await provider.initiatePayment({
      amount: 10.5,
      currency_code: "usd",
      data: { session_id: "payses_1" },
      context: { idempotency_key: "payses_1" },
    })
    expect(initiated.status).toBe(PaymentSessionStatus.PENDING)
    expect(initiated.id).toMatch(/^pi_/)
    expect(initiated.data).toMatchObject({
      amount: 1050,
      currency: "usd",
      capture_method: "manual",
      status: "requires_payment_method",
      metadata: { session_id: "payses_1" },
    })
    expect(initiated.data!.client_secret).toMatch(new RegExp(`^${initiated.id}_secret_`))
    expect(fake.requests.find((r) => r.path === "/v1/payment_intents")).toMatchObject({
      method: "POST",
      body: { amount: "1050", expand: ["payment_method"], metadata: { session_id: "payses_1" } },
    })

    const data = { id: initiated.id }
    expect((await provider.authorizePayment({ data })).status).toBe(PaymentSessionStatus.PENDING)

    fake.confirm(initiated.id)
    const authorized = await provider.authorizePayment({ data })
    expect(authorized.status).toBe(PaymentSessionStatus.AUTHORIZED)
    expect(authorized.data).toMatchObject({ amount_capturable: 1050, payment_method: { type: "card" } })
    expect(fake.requests.at(-1)).toMatchObject({ method: "GET", body: { expand: ["payment_method"] } })

    const captured = await provider.capturePayment({ data, context: { idempotency_key: "capt_1" } })
    expect(captured.data).toMatchObject({ status: "succeeded", amount_received: 1050 })
    // A second capture hits payment_intent_unexpected_state, which the provider treats as done.
    const again = await provider.capturePayment({ data })
    expect(again.data).toMatchObject({ status: "succeeded" })

    await provider.refundPayment({ amount: 4, data: { id: initiated.id, currency: "usd" } })
    await provider.refundPayment({ amount: 6.5, data: { id: initiated.id, currency: "usd" } })
    expect([...fake.refunds.values()].map((r) => r.amount)).toEqual([400, 650])
    // Fully refunded: the provider swallows charge_already_refunded.
    await expect(provider.refundPayment({ amount: 1, data: { id: initiated.id, currency: "usd" } })).resolves.toBeDefined()
    expect((await provider.getPaymentStatus({ data })).status).toBe(PaymentSessionStatus.CAPTURED)
  })

  it("captures immediately with capture: true and reports a decline as an error", async () => {
    const auto = makeProvider({ capture: true })
    const { id } = await auto.initiatePayment({ amount: 20, currency_code: "eur", data: { session_id: "payses_2" } })
    expect(fake.intents.get(id)!.capture_method).toBe("automatic")
    fake.confirm(id)
    expect((await auto.authorizePayment({ data: { id } })).status).toBe(PaymentSessionStatus.CAPTURED)

    const declined = await auto.initiatePayment({ amount: 5, currency_code: "eur", data: { session_id: "payses_3" } })
    fake.confirm(declined.id, { decline: true })
    expect((await auto.authorizePayment({ data: { id: declined.id } })).status).toBe(PaymentSessionStatus.ERROR)
  })

  it("updates, retrieves and cancels an intent", async () => {
    const { id, data } = await provider.initiatePayment({ amount: 7, currency_code: "usd", data: { session_id: "payses_4" } })
    const updated = await provider.updatePayment({ amount: 9, currency_code: "usd", data: data! })
    expect(updated.data).toMatchObject({ amount: 900 })
    expect((await provider.retrievePayment({ data: { id } })).data).toMatchObject({ amount: 9 })

    expect((await provider.cancelPayment({ data: { id } })).data).toMatchObject({ status: "canceled" })
    expect((await provider.cancelPayment({ data: { id } })).data).toMatchObject({ status: "canceled" })
  })

  it("creates, updates and deletes account holders", async () => {
    const customer = { id: "cus_medusa_1", email: "a@example.com", first_name: "Ada", last_name: "L" }
    const holder = await provider.createAccountHolder({ context: { customer } as any })
    expect(holder.id).toMatch(/^cus_/)
    expect(fake.customers.get(holder.id)).toMatchObject({ email: "a@example.com", name: "Ada L" })

    const account_holder = { data: { id: holder.id } } as any
    await provider.updateAccountHolder({ context: { account_holder, customer: { ...customer, email: "b@example.com" } } as any })
    expect(fake.customers.get(holder.id)!.email).toBe("b@example.com")
    expect(await provider.listPaymentMethods({ context: { account_holder } as any })).toEqual([])
    await provider.deleteAccountHolder({ context: { account_holder } as any })
    expect(fake.customers.has(holder.id)).toBe(false)
  })

  it("answers unknown routes and missing intents with Stripe's error shape", async () => {
    const res = await fetch(`${fake.url}/v1/nope`, { method: "POST" })
    expect(res.status).toBe(404)
    expect(await res.json()).toEqual({
      error: { type: "invalid_request_error", message: expect.stringContaining("Unrecognized request URL (POST: /v1/nope)") },
    })
    await expect(provider.retrievePayment({ data: { id: "pi_missing" } })).rejects.toThrow(/No such payment_intent/)
  })

  it("rejects a reused idempotency key with different parameters", async () => {
    const ctx = { idempotency_key: "same-key" }
    const first = await provider.initiatePayment({ amount: 1, currency_code: "usd", data: { session_id: "s5" }, context: ctx })
    const replay = await provider.initiatePayment({ amount: 1, currency_code: "usd", data: { session_id: "s5" }, context: ctx })
    expect(replay.id).toBe(first.id)
    await expect(
      provider.initiatePayment({ amount: 2, currency_code: "usd", data: { session_id: "s5" }, context: ctx })
    ).rejects.toThrow(/same parameters/)
  })

  it("signs webhooks that verify with the secret and fail with another", async () => {
    const intent = { ...fake.intents.values().next().value, metadata: { session_id: "payses_1" } }
    const { body, headers } = signStripeWebhook(paymentIntentEvent("payment_intent.succeeded", intent), secret)
    expect(headers["content-type"]).toBe("application/json")

    const stripe = new (loadStripe())("sk_test_fake")
    expect(stripe.webhooks.constructEvent(body, headers["stripe-signature"], secret)).toMatchObject({
      type: "payment_intent.succeeded",
      data: { object: { id: intent.id } },
    })
    expect(() => stripe.webhooks.constructEvent(body, headers["stripe-signature"], "whsec_wrong")).toThrow()

    const action = await provider.getWebhookActionAndData({ data: JSON.parse(body), rawData: Buffer.from(body), headers })
    expect(action).toEqual({ action: PaymentActions.SUCCESSFUL, data: { session_id: "payses_1", amount: 10.5 } })
  })
})
