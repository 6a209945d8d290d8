import { z } from "zod"
import {
  AB_GOAL_PATTERN,
  AB_MAX_VARIANTS,
  AB_TEST_ID_PATTERN,
  AB_VARIANT_ID_PATTERN,
} from "../../../modules/abtest/types"
import type {
  AdminAbTest,
  AdminAbTestConfigPayload,
  AdminAbVariant,
  AdminCreateAbTestPayload,
} from "../../hooks/api/ab-tests"

const weight = (value: string) => Number(value.trim())

const variantSchema = z.object({
  id: z.string().regex(AB_VARIANT_ID_PATTERN, "1–64 letters, digits, '_' or '-', starting with a letter or digit"),
  name: z.string().max(200, "At most 200 characters"),
  weight: z
    .string()
    .trim()
    .refine((value) => value !== "" && Number.isFinite(weight(value)) && weight(value) >= 0, "A weight of 0 or more"),
})

/** Mirrors AdminCreateAbTest / AdminUpdateAbTest (src/api/admin/ab-tests/validators.ts) over the form's string inputs. */
export const abTestFormSchema = z.object({
  test_id: z
    .string()
    .regex(AB_TEST_ID_PATTERN, "Key: 3–64 letters, digits, '_' or '-', starting with a letter or digit"),
  event_id: z.string().min(1, "Choose the event the A/B test runs on").max(128),
  name: z.string().trim().min(1, "Give the A/B test a name").max(200, "At most 200 characters"),
  description: z.string().max(2000, "At most 2000 characters"),
  primary_goal: z.string().regex(AB_GOAL_PATTERN, "Letters, digits, '_', '.' or '-', starting with a letter or digit"),
  variants: z
    .array(variantSchema)
    .min(2, "An A/B test needs at least 2 variants")
    .max(AB_MAX_VARIANTS, `An A/B test has at most ${AB_MAX_VARIANTS} variants`)
    .superRefine((variants, ctx) => {
      const seen = new Set<string>()
      variants.forEach((variant, index) => {
        if (seen.has(variant.id)) {
          ctx.addIssue({ code: "custom", path: [index, "id"], message: `"${variant.id}" is used twice` })
        }
        seen.add(variant.id)
      })
      const total = variants.reduce((sum, variant) => sum + (weight(variant.weight) || 0), 0)
      if (!(total > 0)) {
        ctx.addIssue({ code: "custom", message: "The variant weights must add up to more than 0" })
      }
    }),
})

export type AbTestFormValues = z.infer<typeof abTestFormSchema>
export type AbTestVariantValues = AbTestFormValues["variants"][number]

export const variantRow = (variant: Partial<AdminAbVariant> = {}): AbTestVariantValues => ({
  id: variant.id ?? "",
  name: variant.name ?? "",
  weight: String(variant.weight ?? 50),
})

export function abTestFormDefaults(abTest?: AdminAbTest, productId?: string): AbTestFormValues {
  return {
    test_id: abTest?.test_id ?? "",
    event_id: abTest?.event_id ?? productId ?? "",
    name: abTest?.name ?? "",
    description: abTest?.description ?? "",
    primary_goal: abTest?.primary_goal ?? "conversion",
    variants: abTest?.variants.length
      ? abTest.variants.map(variantRow)
      : [variantRow({ id: "control", name: "Control" }), variantRow({ id: "variant_b", name: "Variant B" })],
  }
}

/** The update body; a variant without a name is named by its id, an empty description clears it. */
export function toUpdatePayload(values: AbTestFormValues): AdminAbTestConfigPayload {
  return {
    event_id: values.event_id,
    name: values.name.trim(),
    description: values.description.trim() || null,
    primary_goal: values.primary_goal,
    variants: values.variants.map((variant) => ({
      id: variant.id,
      name: variant.name.trim() || variant.id,
      weight: weight(variant.weight),
    })),
  }
}

export function toCreatePayload(values: AbTestFormValues): AdminCreateAbTestPayload {
  return { ...toUpdatePayload(values), test_id: values.test_id }
}

/** Each variant's share of traffic in percent, one decimal; null while the weights add up to nothing. */
export function trafficShares(variants: Pick<AbTestVariantValues, "weight">[]): Array<number | null> {
  const weights = variants.map((variant) => weight(variant.weight) || 0)
  const total = weights.reduce((sum, value) => sum + value, 0)
  return weights.map((value) => (total > 0 ? Math.round((value / total) * 1000) / 10 : null))
}
