import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import type { MedusaContainer, ProviderWebhookPayload } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules, PaymentActions, PaymentWebhookEvents } from "@medusajs/framework/utils"
import { OFFER_MODULE } from "../modules/offer"
import type OfferModuleService from "../modules/offer/service"
import { settleOfferHoldsAfterPaymentWorkflow } from "../workflows/offer/workflows/settle-offer-holds-after-payment"

/** The live offer holds of the cart a payment session belongs to. */
async function holdsOfSession(container: MedusaContainer, sessionId: string): Promise<string[]> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data: sessions } = await query.graph({
    entity: "payment_session",
    fields: ["payment_collection_id"],
    filters: { id: sessionId },
  })
  const collectionId = sessions[0]?.payment_collection_id
  if (!collectionId) {
    return []
  }
  const { data: links } = await query.graph({
    entity: "cart_payment_collection",
    fields: ["cart_id"],
    filters: { payment_collection_id: collectionId },
  })
  const cartId = (links[0] as { cart_id?: string } | undefined)?.cart_id
  if (!cartId) {
    return []
  }
  const offers: OfferModuleService = container.resolve(OFFER_MODULE)
  return (await offers.listOfferHolds({ cart_id: cartId, status: "HELD" }, { select: ["id"] })).map((hold) => hold.id)
}

/**
 * Medusa's own webhook subscriber ignores failed and canceled payments, so units held for
 * them would stay held until the hold lapses: a canceled payment releases the cart's holds at
 * once, a failed attempt leaves the buyer `offerPaymentRetryMinutes` to try again.
 */
export default async function offerPaymentWebhookHandler({ event, container }: SubscriberArgs<ProviderWebhookPayload>) {
  const input = event.data
  if ((input.payload?.rawData as unknown as { type?: string })?.type === "Buffer") {
    input.payload.rawData = Buffer.from((input.payload.rawData as unknown as { data: number[] }).data)
  }
  const payments = container.resolve(Modules.PAYMENT)
  // A payload that does not verify is Medusa's own handler's to report.
  const processed = await payments.getWebhookActionAndData(input).catch(() => null)
  const sessionId = processed?.data?.session_id
  const outcome =
    processed?.action === PaymentActions.CANCELED ? "canceled" : processed?.action === PaymentActions.FAILED ? "failed" : null
  if (!sessionId || !outcome) {
    return
  }
  const holdIds = await holdsOfSession(container, sessionId)
  if (!holdIds.length) {
    return
  }
  const offers: OfferModuleService = container.resolve(OFFER_MODULE)
  const { offerPaymentRetryMinutes } = await offers.getOptions()
  await settleOfferHoldsAfterPaymentWorkflow(container).run({
    input: { hold_ids: holdIds, outcome, retry_until: new Date(Date.now() + offerPaymentRetryMinutes * 60_000) },
  })
}

export const config: SubscriberConfig = {
  event: PaymentWebhookEvents.WebhookReceived,
  context: { subscriberId: "offer-payment-webhook" },
}
