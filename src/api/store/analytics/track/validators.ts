import { z } from "@medusajs/framework/zod"
import { CLIENT_EVENT_TYPES, SERVER_ONLY_EVENT_TYPES } from "../../../../modules/monetization-event/types"

export const MAX_TRACK_BATCH = 500

export const StoreTrackBatch = z
  .object({ events: z.array(z.unknown()).min(1).max(MAX_TRACK_BATCH) })
  .strict()
export type StoreTrackBatchType = z.infer<typeof StoreTrackBatch>

const clientTypeError = (issue: { input?: unknown }) =>
  (SERVER_ONLY_EVENT_TYPES as unknown[]).includes(issue.input)
    ? `${String(issue.input)} is recorded by the server only; clients may send ${CLIENT_EVENT_TYPES.join(", ")}`
    : `unknown type; clients may send ${CLIENT_EVENT_TYPES.join(", ")}`

/** One event of a batch; validated one by one so a bad event is rejected alone. */
export const StoreTrackEvent = z
  .object({
    id: z.string().min(8).max(128).optional(),
    type: z.enum(CLIENT_EVENT_TYPES, { error: clientTypeError }),
    entityId: z.string().min(1).max(128),
    event_id: z.string().min(1).max(128).optional(),
    session_token: z.string().min(1).max(128).optional(),
    timestamp: z.union([z.number(), z.string()]).pipe(z.coerce.date()),
    metadata: z.record(z.string(), z.unknown()).optional(),
  })
  .strict()
export type StoreTrackEventType = z.infer<typeof StoreTrackEvent>
