import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { WAITLIST_MODULE } from "../../../modules/waitlist"
import type WaitlistModuleService from "../../../modules/waitlist/service"
import type { WaitlistEntryRow, WaitlistStatus } from "../../../modules/waitlist/types"
import { withSessionLock } from "../utils/session-inventory"

export type EndWaitlistEntriesStepInput = {
  session_id: string
  entry_ids: string[]
  /** release: an open offer or an accepted seat not ordered goes back to the pool (EXPIRED); remove: off the list (LEFT). */
  action: "release" | "remove"
}

const RULES = {
  release: { status: "EXPIRED", from: ["OFFERED", "ACCEPTED"], reason: "released_by_organizer" },
  remove: { status: "LEFT", from: ["WAITING", "OFFERED", "ACCEPTED"], reason: "removed_by_organizer" },
} as const

/** The organizer releases held seats or removes entries (one or many); answers the entries as they were. */
export const endWaitlistEntriesStep = createStep(
  "end-waitlist-entries",
  async (input: EndWaitlistEntriesStepInput, { container }) => {
    const service: WaitlistModuleService = container.resolve(WAITLIST_MODULE)
    const rule = RULES[input.action]
    const ended = await withSessionLock(container, input.session_id, () =>
      service.endEntries({
        session_id: input.session_id,
        entry_ids: input.entry_ids,
        status: rule.status,
        from: [...rule.from],
        reason: rule.reason,
      })
    )
    if (!ended.length) {
      throw new MedusaError(
        MedusaError.Types.NOT_ALLOWED,
        input.action === "release"
          ? "None of these entries holds a seat (only open offers and accepted seats not yet ordered can be released)"
          : "None of these entries is on the list any more (ordered, expired, declined or left entries cannot be removed)"
      )
    }
    const result: (WaitlistEntryRow & { reason: string })[] = ended.map((entry) => ({ ...entry, reason: rule.reason }))
    return new StepResponse(
      result,
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
