import { MedusaError } from "@medusajs/framework/utils"
import { AB_MAX_VARIANTS, AB_VARIANT_ID_PATTERN, AbVariant } from "./types"

/** Rules on a whole experiment configuration (also checked by the route validators, kept here for workflows called directly). */
export function assertValidAbTestConfig(config: { variants: AbVariant[]; control_variant_id?: string | null }) {
  const { variants } = config
  const invalid = (message: string) => new MedusaError(MedusaError.Types.INVALID_DATA, message)
  if (!Array.isArray(variants) || variants.length < 2 || variants.length > AB_MAX_VARIANTS) {
    throw invalid(`An A/B test needs between 2 and ${AB_MAX_VARIANTS} variants`)
  }
  const ids = new Set<string>()
  for (const variant of variants) {
    if (!AB_VARIANT_ID_PATTERN.test(variant.id)) {
      throw invalid(`Variant id ${JSON.stringify(variant.id)} is invalid`)
    }
    if (ids.has(variant.id)) {
      throw invalid(`Variant id ${variant.id} is used twice`)
    }
    ids.add(variant.id)
    if (!Number.isFinite(variant.weight) || variant.weight < 0) {
      throw invalid(`Variant ${variant.id} has an invalid weight: weights must be numbers >= 0`)
    }
  }
  if (!(variants.reduce((sum, v) => sum + v.weight, 0) > 0)) {
    throw invalid("The variant weights must add up to more than 0")
  }
  if (config.control_variant_id && !ids.has(config.control_variant_id)) {
    throw invalid(`control_variant_id ${config.control_variant_id} is not one of the variants`)
  }
}
