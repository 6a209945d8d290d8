import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { CustomerWorkflowEvents } from "@medusajs/framework/utils"
import { eraseCustomerDataWorkflow } from "../workflows/customer-data"

/** A deleted customer leaves the plugin's tables: places and holds given up, personal links removed. */
export default async function customerDeletedHandler({ event, container }: SubscriberArgs<{ id: string }>) {
  await eraseCustomerDataWorkflow(container).run({ input: { customer_id: event.data.id } })
}

export const config: SubscriberConfig = {
  event: CustomerWorkflowEvents.DELETED,
  context: { subscriberId: "monetization-customer-deleted" },
}
