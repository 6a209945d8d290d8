import { z } from "@medusajs/framework/zod"
import { createFindParams, createSelectParams, pageLimit } from "../../utils/validators"
import {
  AB_GOAL_PATTERN,
  AB_MAX_VARIANTS,
  AB_TEST_ID_PATTERN,
  AB_TEST_STATUSES,
  AB_VARIANT_ID_PATTERN,
} from "../../../modules/abtest/types"

const goal = z
  .string()
  .regex(AB_GOAL_PATTERN, "goal names must be 1–64 letters, digits, '_', '.' or '-', starting with a letter or digit")

const variant = z
  .object({
    id: z
      .string()
      .regex(AB_VARIANT_ID_PATTERN, "variant id must be 1–64 letters, digits, '_' or '-', starting with a letter or digit"),
    name: z.string().min(1).max(200).optional(),
    weight: z.number().finite().min(0, "variant weights must be >= 0").default(1),
  })
  .strict()

const variants = z
  .array(variant)
  .min(2, "an A/B test needs at least 2 variants")
  .max(AB_MAX_VARIANTS, `an A/B test has at most ${AB_MAX_VARIANTS} variants`)
  .superRefine((list, ctx) => {
    const seen = new Set<string>()
    list.forEach((v, index) => {
      if (seen.has(v.id)) {
        ctx.addIssue({ code: "custom", path: [index, "id"], message: `variant id ${v.id} is used twice` })
      }
      seen.add(v.id)
    })
    if (!(list.reduce((sum, v) => sum + v.weight, 0) > 0)) {
      ctx.addIssue({ code: "custom", message: "the variant weights must add up to more than 0" })
    }
  })
  // A variant's display name defaults to its id.
  .transform((list) => list.map((v) => ({ id: v.id, name: v.name ?? v.id, weight: v.weight })))

const configFields = {
  event_id: z.string().min(1).max(128),
  name: z.string().min(1).max(200),
  description: z.string().max(2000).nullish(),
  variants,
  control_variant_id: z.string().min(1).max(64).nullish(),
  primary_goal: goal,
  revenue_goal: goal.nullish(),
  allow_repeat_conversions: z.boolean().optional(),
}

export const AdminCreateAbTest = z
  .object({
    test_id: z
      .string()
      .regex(AB_TEST_ID_PATTERN, "test_id must be 3–64 letters, digits, '_' or '-', starting with a letter or digit"),
    ...configFields,
    primary_goal: goal.default("conversion"),
  })
  .strict()
export type AdminCreateAbTestType = z.infer<typeof AdminCreateAbTest>

export const AdminUpdateAbTest = z
  .object({
    event_id: configFields.event_id.optional(),
    name: configFields.name.optional(),
    description: configFields.description,
    variants: variants.optional(),
    control_variant_id: configFields.control_variant_id,
    primary_goal: goal.optional(),
    revenue_goal: configFields.revenue_goal,
    allow_repeat_conversions: configFields.allow_repeat_conversions,
  })
  .strict()
export type AdminUpdateAbTestType = z.infer<typeof AdminUpdateAbTest>

export const AdminDeclareAbTestWinner = z
  .object({
    variant_id: z.string().min(1).max(64).optional(),
    note: z.string().max(2000).optional(),
  })
  .strict()
export type AdminDeclareAbTestWinnerType = z.infer<typeof AdminDeclareAbTestWinner>

const status = z.enum(AB_TEST_STATUSES)

export const AdminGetAbTestsParams = createFindParams({ limit: 20, offset: 0, order: "-created_at" })
  .omit({ with_deleted: true })
  .extend({
    limit: pageLimit(),
    event_id: z.union([z.string().min(1), z.array(z.string().min(1))]).optional(),
    status: z.union([status, z.array(status)]).optional(),
  })
  .strict()
export type AdminGetAbTestsParamsType = z.infer<typeof AdminGetAbTestsParams>

export const AdminGetAbTestParams = createSelectParams().strict()
