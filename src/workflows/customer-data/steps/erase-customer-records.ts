import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ABTEST_MODULE } from "../../../modules/abtest"
import { AD_MODULE } from "../../../modules/ad"
import { MONETIZATION_EVENT_MODULE } from "../../../modules/monetization-event"
import { OFFER_MODULE } from "../../../modules/offer"
import { WAITLIST_MODULE } from "../../../modules/waitlist"

type Erasable = { [method: string]: (customerId: string) => Promise<number> }

/** Each module's own erasure; a module the host did not install is skipped. */
const ERASERS = [
  { module: MONETIZATION_EVENT_MODULE, method: "eraseCustomerEvents", key: "analytics_events" },
  { module: AD_MODULE, method: "eraseCustomerAdTraffic", key: "ad_traffic" },
  { module: ABTEST_MODULE, method: "eraseCustomerAbEvents", key: "ab_events" },
  { module: OFFER_MODULE, method: "eraseCustomer", key: "offer_records" },
  { module: WAITLIST_MODULE, method: "eraseCustomer", key: "waitlist_entries" },
] as const

/**
 * Removes a deleted customer's id (and session token, user agent, IP prefix where stored) from the
 * plugin's rows; facts and money stay. No compensation on purpose: putting a deleted customer's
 * personal data back would undo the erasure, and every statement is idempotent, so a failed run is
 * finished by running the workflow again. It is the workflow's last step, so nothing after it can fail.
 */
export const eraseCustomerRecordsStep = createStep(
  "erase-customer-records",
  async (input: { customer_id: string }, { container }) => {
    const erased: Record<string, number> = {}
    for (const eraser of ERASERS) {
      if (container.hasRegistration(eraser.module)) {
        const service = container.resolve<Erasable>(eraser.module)
        erased[eraser.key] = await service[eraser.method](input.customer_id)
      }
    }
    return new StepResponse(erased)
  }
)
