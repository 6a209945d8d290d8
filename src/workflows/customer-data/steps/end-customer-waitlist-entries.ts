import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { WAITLIST_MODULE } from "../../../modules/waitlist"
import type WaitlistModuleService from "../../../modules/waitlist/service"
import type { WaitlistEntryRow, WaitlistStatus } from "../../../modules/waitlist/types"
import { withSessionLock } from "../../waitlist/utils/session-inventory"

export const CUSTOMER_DELETED_REASON = "customer_deleted"

/**
 * Takes a deleted customer off every waitlist: waiting entries leave, offered and accepted seats
 * (not yet ordered) go back to the pool, each under its session's lock; answers the entries as they were.
 */
export const endCustomerWaitlistEntriesStep = createStep(
  "end-customer-waitlist-entries",
  async (input: { customer_id: string }, { container }) => {
    if (!container.hasRegistration(WAITLIST_MODULE)) {
      return new StepResponse([] as WaitlistEntryRow[], [])
    }
    const service: WaitlistModuleService = container.resolve(WAITLIST_MODULE)
    const live = await service.listLiveEntriesOfCustomer(input.customer_id)
    const variantIds = [...new Set(live.map((entry) => entry.session_id))]
    const ended: WaitlistEntryRow[] = []
    for (const session_id of variantIds) {
      const entry_ids = live.filter((entry) => entry.session_id === session_id).map((entry) => entry.id)
      const rows = await withSessionLock(container, session_id, () =>
        service.endEntries({
          session_id,
          entry_ids,
          status: "LEFT",
          from: ["WAITING", "OFFERED", "ACCEPTED"],
          reason: CUSTOMER_DELETED_REASON,
        })
      )
      ended.push(...rows)
    }
    return new StepResponse(
      ended,
      ended.map((entry) => ({ entry_id: entry.id, status: entry.status as WaitlistStatus }))
    )
  },
  async (previous, { container }) => {
    if (previous?.length) {
      const service: WaitlistModuleService = container.resolve(WAITLIST_MODULE)
      await service.restoreStatuses(previous)
    }
  }
)
