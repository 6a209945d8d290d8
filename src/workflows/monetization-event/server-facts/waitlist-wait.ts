import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { MAX_WAIT_SAMPLES, type DayRange, type WaitTimeAverage } from "../../../modules/monetization-event/analytics-types"
import { rangeBounds } from "../revenue/types"

/** Container key of the waitlist module (src/modules/waitlist). */
export const WAITLIST_MODULE_KEY = "waitlist"

type WaitlistModuleService = {
  averageWaitMinutes(input: { session_ids: string[]; from: Date; to: Date; max_samples: number }): Promise<WaitTimeAverage>
}

const NONE: WaitTimeAverage = { average_minutes: null, samples: 0 }

/**
 * Average wait of an event's waitlists: accepted_at − joined_at of the entries accepted in the
 * range, over the event's sessions (its product variants). Nothing without the waitlist module.
 */
export async function computeWaitlistWait(container: MedusaContainer, range: DayRange): Promise<WaitTimeAverage> {
  if (!container.hasRegistration(WAITLIST_MODULE_KEY)) {
    return NONE
  }
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "product_variant",
    fields: ["id"],
    filters: { product_id: range.event_id },
    withDeleted: true,
  })
  const variantIds = (data as { id: string }[]).map((variant) => variant.id)
  if (!variantIds.length) {
    return NONE
  }
  const { from, to } = rangeBounds(range)
  return container
    .resolve<WaitlistModuleService>(WAITLIST_MODULE_KEY)
    .averageWaitMinutes({ session_ids: variantIds, from, to, max_samples: MAX_WAIT_SAMPLES })
}
