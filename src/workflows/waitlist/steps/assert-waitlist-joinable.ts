import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { WAITLIST_MODULE } from "../../../modules/waitlist"
import type WaitlistModuleService from "../../../modules/waitlist/service"
import { getSessionInventory, listSessionCapacities } from "../utils/session-inventory"

/**
 * A customer may join only a waitlist the organizer enabled, on a published product (anything
 * else is one 404 that reveals nothing about the variant or its stock), for no more seats than
 * the plugin's cap and the session's capacity (400), and only while the session is full (409).
 */
export const assertWaitlistJoinableStep = createStep(
  "assert-waitlist-joinable",
  async (input: { session_id: string; quantity: number }, { container }) => {
    const waitlist: WaitlistModuleService = container.resolve(WAITLIST_MODULE)
    const seats = (await listSessionCapacities(container, [input.session_id])).get(input.session_id)
    const enabled =
      !!seats?.published && (await waitlist.isWaitlistEnabled({ session_id: input.session_id, product_id: seats.product_id }))
    if (!seats || !enabled) {
      throw new MedusaError(MedusaError.Types.NOT_FOUND, `Session ${input.session_id} has no waitlist`)
    }
    const { waitlistMaxQuantity } = await waitlist.getOptions()
    // A session stocked at 0 (not on sale yet) has no capacity to compare with: the option caps alone.
    const cap = seats.capacity > 0 ? Math.min(waitlistMaxQuantity, seats.capacity) : waitlistMaxQuantity
    if (input.quantity > cap) {
      throw new MedusaError(
        MedusaError.Types.INVALID_DATA,
        `A waitlist entry of this session may ask for at most ${cap} seat(s)`
      )
    }
    const inventory = await getSessionInventory(container, input.session_id)
    if (inventory.public_available > 0) {
      throw new MedusaError(
        MedusaError.Types.CONFLICT,
        `Session ${input.session_id} still has ${inventory.public_available} seat(s) for sale: buy one instead`
      )
    }
    return new StepResponse(inventory)
  }
)
