import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { getSessionInventory } from "../utils/session-inventory"

/** A waitlist is only for a full session: with a seat for sale the customer should buy it (409). */
export const assertSessionFullStep = createStep(
  "assert-session-full",
  async (input: { session_id: string }, { container }) => {
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
