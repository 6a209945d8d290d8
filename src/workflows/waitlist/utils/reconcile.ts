import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { WAITLIST_MODULE } from "../../../modules/waitlist"
import type WaitlistModuleService from "../../../modules/waitlist/service"
import { offerNextWaitlistSeatsWorkflow } from "../workflows/offer-next-waitlist-seats"

/** Offers free seats of the given sessions (all sessions with a waitlist when omitted). */
export async function reconcileWaitlists(container: MedusaContainer, variantIds?: string[]) {
  const waitlist: WaitlistModuleService = container.resolve(WAITLIST_MODULE)
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  const ids = variantIds ?? (await waitlist.listActiveSessionIds())
  let offered = 0
  for (const session_id of ids) {
    try {
      const { result } = await offerNextWaitlistSeatsWorkflow(container).run({ input: { session_id } })
      offered += result.offered.length
    } catch (error) {
      logger.warn(`[waitlist] could not offer seats of session ${session_id}: ${(error as Error).message}`)
    }
  }
  return offered
}
