import { z } from "@medusajs/framework/zod"
import { createFindParams } from "@medusajs/medusa/api/utils/validators"
import { MONETIZATION_EVENT_TYPES } from "../../../modules/monetization-event/types"

export const MAX_ADMIN_EVENTS_PAGE = 200

const eventType = z.enum(MONETIZATION_EVENT_TYPES)

export const AdminGetMonetizationEventsParams = createFindParams({ limit: 20, offset: 0, order: "-occurred_at" })
  .omit({ with_deleted: true })
  .extend({
    // Re-declared to bound the page size; createFindParams accepts any number.
    limit: z.preprocess(
      (value) => (typeof value === "string" && value !== "" ? Number(value) : value),
      z.number().int().min(1).max(MAX_ADMIN_EVENTS_PAGE).optional().default(20)
    ),
    event_id: z.union([z.string().min(1), z.array(z.string().min(1))]).optional(),
    type: z.union([eventType, z.array(eventType)]).optional(),
  })
  .strict()
export type AdminGetMonetizationEventsParamsType = z.infer<typeof AdminGetMonetizationEventsParams>
