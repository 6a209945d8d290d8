import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { WAITLIST_MODULE } from "../modules/waitlist"
import type WaitlistModuleService from "../modules/waitlist/service"
import {
  getSessionInventory,
  WaitlistEntryEventData,
  WaitlistEvents,
  WaitlistOfferedEventData,
} from "../workflows/waitlist"
import { offerExpiredMessage } from "../workflows/waitlist/utils/messages"

/**
 * Seat offers (and their end) reach attendees off the page through Medusa's Notification Module:
 * one notification per offer, on the channel and templates of the plugin options, with the
 * session, the expiry and the accept link. It runs after the offer committed; a failure (no
 * provider for the channel, a provider error) is logged and never undoes the offer. The
 * idempotency key makes a redelivered event a no-op.
 */
export default async function waitlistNotifyHandler({
  event,
  container,
}: SubscriberArgs<WaitlistOfferedEventData | WaitlistEntryEventData>) {
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  const data = event.data
  try {
    const waitlist: WaitlistModuleService = container.resolve(WAITLIST_MODULE)
    const options = (await waitlist.getOptions()).waitlistNotifications
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const { data: customers } = await query.graph({
      entity: "customer",
      fields: ["id", "email", "first_name"],
      filters: { id: data.customer_id },
    })
    const customer = customers[0] as { id: string; email?: string | null; first_name?: string | null } | undefined
    if (!customer?.email) {
      logger.warn(`[waitlist] no e-mail address for customer ${data.customer_id}: seat offer not notified`)
      return
    }
    const { title } = await getSessionInventory(container, data.session_id)
    const notification =
      event.name === WaitlistEvents.OFFERED
        ? offerNotification(data as WaitlistOfferedEventData, title, options)
        : expiredNotification(data as WaitlistEntryEventData, title, options)
    await container.resolve(Modules.NOTIFICATION).createNotifications({
      to: customer.email,
      channel: options.channel,
      receiver_id: customer.id,
      resource_type: "waitlist_entry",
      resource_id: data.entry_id,
      ...notification,
    })
  } catch (error) {
    logger.warn(
      `[waitlist] ${event.name} notification for entry ${data.entry_id} not sent (the offer stands): ${(error as Error).message}`
    )
  }
}

type NotifyOptions = { offerTemplate: string; expiredTemplate: string; storefrontUrl: string; acceptPath: string }

function offerNotification(data: WaitlistOfferedEventData, title: string, options: NotifyOptions) {
  const link = new URL(options.acceptPath, options.storefrontUrl)
  link.searchParams.set("session_id", data.session_id)
  link.searchParams.set("join_token", data.join_token)
  return {
    template: options.offerTemplate,
    // One per offer: an entry is offered at most once per expiry instant.
    idempotency_key: `waitlist-offer:${data.entry_id}:${data.expires_at}`,
    data: {
      session_id: data.session_id,
      session_title: title,
      quantity: data.quantity,
      expires_at: data.expires_at,
      accept_url: link.toString(),
    },
  }
}

function expiredNotification(data: WaitlistEntryEventData, title: string, options: NotifyOptions) {
  const reason = data.reason ?? "offer_lapsed"
  return {
    template: options.expiredTemplate,
    idempotency_key: `waitlist-offer-expired:${data.entry_id}:${reason}`,
    data: { session_id: data.session_id, session_title: title, reason, message: offerExpiredMessage(reason) },
  }
}

export const config: SubscriberConfig = {
  event: [WaitlistEvents.OFFERED, WaitlistEvents.OFFER_EXPIRED],
  context: { subscriberId: "waitlist-notify" },
}
