import { MedusaError } from "@medusajs/framework/utils"
import { createStep } from "@medusajs/framework/workflows-sdk"

/** Throws when no region sells in the offer's currency (a cart of its own needs one). */
export const validateOfferCartRegionStep = createStep(
  "validate-offer-cart-region",
  async (input: { regions: unknown[]; currency_code: string }) => {
    if (!input.regions.length) {
      throw new MedusaError(MedusaError.Types.NOT_ALLOWED, `No region sells in ${input.currency_code}`)
    }
  }
)
