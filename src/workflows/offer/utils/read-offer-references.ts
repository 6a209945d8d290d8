import { transform, when, WorkflowData } from "@medusajs/framework/workflows-sdk"
import { useQueryGraphStep } from "@medusajs/medusa/core-flows"
import { asIds } from "../../../modules/offer/availability"
import type { OfferDataToValidate, OfferReferences } from "../steps/validate-offer-data"

/**
 * Composition shared by create-offer and update-offer: reads, through Query, the event product and
 * the variants (offer variant, target sessions and tiers) the input names, only when it names them.
 */
export function readOfferReferences(input: OfferDataToValidate): WorkflowData<OfferReferences> {
  const named = transform({ input }, ({ input }) => ({
    event_id: input.event_id ?? null,
    variant_ids: [
      ...new Set([
        ...(input.variant_id ? [input.variant_id] : []),
        ...asIds(input.target_sessions),
        ...asIds(input.target_ticket_tiers),
      ]),
    ],
  }))
  const products = when("offer-names-event", { named }, ({ named }) => !!named.event_id).then(() =>
    useQueryGraphStep({ entity: "product", fields: ["id"], filters: { id: named.event_id! } }).config({
      name: "get-offer-event-product",
    })
  )
  const variants = when("offer-names-variants", { named }, ({ named }) => named.variant_ids.length > 0).then(() =>
    useQueryGraphStep({ entity: "product_variant", fields: ["id"], filters: { id: named.variant_ids } }).config({
      name: "get-offer-variants",
    })
  )
  return transform({ named, products, variants }, ({ named, products, variants }) => ({
    event_id: named.event_id,
    event_found: !!products?.data?.length,
    variant_ids: named.variant_ids,
    found_variant_ids: ((variants?.data ?? []) as { id: string }[]).map((variant) => variant.id),
  }))
}
