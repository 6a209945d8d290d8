import { z } from "@medusajs/framework/zod"
import { MONETIZATION_EVENT_TYPES } from "../../../modules/monetization-event/types"
import { createFindParams, pageLimit } from "../../utils/validators"

/** The event log pages further than other admin lists. */
export const MAX_ADMIN_EVENTS_PAGE = 200

const eventType = z.enum(MONETIZATION_EVENT_TYPES)

export const AdminGetMonetizationEventsParams = createFindParams({ limit: 20, offset: 0, order: "-occurred_at" })
  .omit({ with_deleted: true })
  .extend({
    limit: pageLimit({ max: MAX_ADMIN_EVENTS_PAGE }),
    event_id: z.union([z.string().min(1), z.array(z.string().min(1))]).optional(),
    type: z.union([eventType, z.array(eventType)]).optional(),
  })
  .strict()
export type AdminGetMonetizationEventsParamsType = z.infer<typeof AdminGetMonetizationEventsParams>
