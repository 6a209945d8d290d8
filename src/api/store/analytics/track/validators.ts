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

/**
 * Bodies are snake_case: `entity_id`. `entityId` (the original tracker's spelling) is still
 * accepted for it; an event that sends both with different values is rejected.
 */
const entityIdAlias = (value: unknown) => {
  if (!value || typeof value !== "object" || Array.isArray(value) || !("entityId" in value)) {
    return value
  }
  const { entityId, ...rest } = value as Record<string, unknown>
  if (!("entity_id" in rest) || rest.entity_id === undefined) {
    return { ...rest, entity_id: entityId }
  }
  return rest.entity_id === entityId ? rest : { ...rest, entityId }
}

/** One event of a batch; validated one by one so a bad event is rejected alone. */
export const StoreTrackEvent = z.preprocess(
  entityIdAlias,
  z
    .object({
      id: z.string().min(8).max(128).optional(),
      type: z.enum(CLIENT_EVENT_TYPES, { error: clientTypeError }),
      entity_id: z.string().min(1).max(128),
      entityId: z.never({ error: "entity_id and entityId differ: send entity_id only" }).optional(),
      event_id: z.string().min(1).max(128).optional(),
      session_token: z.string().min(1).max(128).optional(),
      timestamp: z.union([z.number(), z.string()]).pipe(z.coerce.date()),
      metadata: z.record(z.string(), z.unknown()).optional(),
    })
    .strict()
)
export type StoreTrackEventType = z.infer<typeof StoreTrackEvent>
