import { createDataTableFilterHelper, DataTableFilteringState } from "@medusajs/ui"
import { useMemo } from "react"
import { AD_PLACEMENTS, AdPlacement } from "../../../modules/ad/types"
import type { AdminAdListParams } from "../../hooks/api/ads"
import { PLACEMENT_LABELS } from "./ad-labels"

type AdFilterKeys = { event_id: string; placement: string; status: string }

const filterHelper = createDataTableFilterHelper<AdFilterKeys>()

const STATUS_FILTERS = {
  active: { label: "Active", query: { is_active: true, is_archived: false } },
  paused: { label: "Paused", query: { is_active: false, is_archived: false } },
  archived: { label: "Archived", query: { is_archived: true } },
} as const

/** Event, placement and status filters for the ads table. */
export const useAdFilters = (eventTitles: Map<string, string>) =>
  useMemo(
    () => [
      filterHelper.accessor("event_id", {
        type: "radio",
        label: "Event",
        options: [...eventTitles].map(([value, label]) => ({ label, value })),
      }),
      filterHelper.accessor("placement", {
        type: "radio",
        label: "Placement",
        options: AD_PLACEMENTS.map((value) => ({ label: PLACEMENT_LABELS[value], value })),
      }),
      filterHelper.accessor("status", {
        type: "radio",
        label: "Status",
        options: Object.entries(STATUS_FILTERS).map(([value, { label }]) => ({ label, value })),
      }),
    ],
    [eventTitles]
  )

/** Turns the table's filter state into `GET /admin/ads` query parameters. */
export const adFilterQuery = (filtering: DataTableFilteringState): AdminAdListParams => {
  const status = STATUS_FILTERS[filtering.status as keyof typeof STATUS_FILTERS]
  return {
    ...(typeof filtering.event_id === "string" ? { event_id: filtering.event_id } : {}),
    ...(typeof filtering.placement === "string" ? { placement: filtering.placement as AdPlacement } : {}),
    ...(status ? status.query : {}),
  }
}
