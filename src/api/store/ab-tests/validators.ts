import { z } from "@medusajs/framework/zod"
import {
  AB_EVENT_TYPES,
  AB_GOAL_PATTERN,
  AB_TEST_ID_PATTERN,
  AB_VARIANT_ID_PATTERN,
} from "../../../modules/abtest/types"
import { pageLimit, pageOffset } from "../../utils/validators"

export const MAX_AB_TRACK_BATCH = 500

export const StoreGetAbTestsParams = z
  .object({
    event_id: z.string().min(1).max(128).optional(),
    limit: pageLimit({ defaultLimit: 50 }),
    offset: pageOffset(),
  })
  .strict()
export type StoreGetAbTestsParamsType = z.infer<typeof StoreGetAbTestsParams>

export const StoreGetAbAssignmentParams = z
  .object({ session_token: z.string().min(1).max(128) })
  .strict()
export type StoreGetAbAssignmentParamsType = z.infer<typeof StoreGetAbAssignmentParams>

export const StoreAbTrackBatch = z
  .object({ events: z.array(z.unknown()).min(1).max(MAX_AB_TRACK_BATCH) })
  .strict()
export type StoreAbTrackBatchType = z.infer<typeof StoreAbTrackBatch>

/** One event of a batch; validated one by one so a bad event is rejected alone. */
export const StoreAbTrackEvent = z
  .object({
    id: z.string().min(8).max(128).optional(),
    test_id: z.string().regex(AB_TEST_ID_PATTERN, "test_id is not valid"),
    event_id: z.string().min(1).max(128),
    session_token: z.string().min(1).max(128),
    variant_id: z.string().regex(AB_VARIANT_ID_PATTERN, "variant_id is not valid"),
    event_type: z.enum(AB_EVENT_TYPES),
    goal: z.string().regex(AB_GOAL_PATTERN, "goal is not a valid goal name").optional(),
    goal_achieved: z.boolean().optional(),
    goal_value: z.number().finite().min(-1e9).max(1e9).optional(),
    user_id: z.string().min(1).max(128).optional(),
    timestamp: z.union([z.number(), z.string()]).pipe(z.coerce.date()).optional(),
  })
  .strict()
  .superRefine((event, ctx) => {
    if (event.event_type === "variant_view" && (event.goal !== undefined || event.goal_value !== undefined)) {
      ctx.addIssue({ code: "custom", path: ["goal"], message: "a variant_view has no goal or goal_value" })
    }
    if (event.event_type === "goal_conversion" && event.goal_achieved === false) {
      ctx.addIssue({ code: "custom", path: ["goal_achieved"], message: "a goal_conversion must achieve its goal" })
    }
  })
export type StoreAbTrackEventType = z.infer<typeof StoreAbTrackEvent>
