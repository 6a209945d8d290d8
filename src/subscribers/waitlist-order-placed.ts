import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { ContainerRegistrationKeys, OrderWorkflowEvents } from "@medusajs/framework/utils"
import { WAITLIST_MODULE } from "../modules/waitlist"
import type WaitlistModuleService from "../modules/waitlist/service"

/** An accepted waitlist cart became an order: Medusa's reservation now holds the seat, ours is released. */
export default async function waitlistOrderPlacedHandler({ event, container }: SubscriberArgs<{ id: string }>) {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({ entity: "order", fields: ["id", "cart.id"], filters: { id: event.data.id } })
  const cartId = (data[0] as { cart?: { id: string } | null } | undefined)?.cart?.id
  if (cartId) {
    const waitlist: WaitlistModuleService = container.resolve(WAITLIST_MODULE)
    await waitlist.consumeByCart(cartId)
  }
}

export const config: SubscriberConfig = {
  event: OrderWorkflowEvents.PLACED,
  context: { subscriberId: "waitlist-order-placed" },
}
