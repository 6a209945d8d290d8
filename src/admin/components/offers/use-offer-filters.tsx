import { createDataTableFilterHelper, DataTableFilteringState } from "@medusajs/ui"
import { useMemo } from "react"
import { OFFER_PLACEMENTS } from "../../../modules/offer/types"
import type { AdminOffer, AdminOfferListParams, OfferPlacement } from "../../hooks/api/offers"
import { OFFER_PLACEMENT_LABELS } from "./offer-format"

const filterHelper = createDataTableFilterHelper<AdminOffer>()

type StatusFilter = "active" | "inactive" | "archived"

const STATUS_PARAMS: Record<StatusFilter, Pick<AdminOfferListParams, "is_active" | "is_archived">> = {
  active: { is_active: true, is_archived: false },
  inactive: { is_active: false, is_archived: false },
  archived: { is_archived: true },
}

/** Event, status and placement filters; without a status filter archived offers stay out of the list. */
export const useOfferFilters = (eventProducts: { id: string; title: string }[]) =>
  useMemo(
    () => [
      filterHelper.accessor("event_id", {
        type: "radio",
        label: "Event",
        options: eventProducts.map((product) => ({ label: product.title, value: product.id })),
      }),
      filterHelper.accessor("is_active", {
        type: "radio",
        label: "Status",
        options: [
          { label: "Active", value: "active" },
          { label: "Inactive", value: "inactive" },
          { label: "Archived", value: "archived" },
        ],
      }),
      filterHelper.accessor("placement", {
        type: "radio",
        label: "Placement",
        options: OFFER_PLACEMENTS.map((placement) => ({ label: OFFER_PLACEMENT_LABELS[placement], value: placement })),
      }),
    ],
    [eventProducts]
  )

export function offerFilterParams(filtering: DataTableFilteringState): AdminOfferListParams {
  const status = filtering.is_active as StatusFilter | null | undefined
  const productId = filtering.event_id as string | null | undefined
  const placement = filtering.placement as OfferPlacement | null | undefined
  return {
    ...(status ? STATUS_PARAMS[status] : { is_archived: false }),
    ...(productId ? { event_id: productId } : {}),
    ...(placement ? { placement } : {}),
  }
}
