import { defineRouteConfig } from "@medusajs/admin-sdk"
import { ChartBar } from "@medusajs/icons"
import {
  Badge,
  createDataTableColumnHelper,
  createDataTableFilterHelper,
  DataTableFilteringState,
  useDataTable,
} from "@medusajs/ui"
import { useMemo, useState } from "react"
import {
  MONETIZATION_EVENT_TYPES,
  MonetizationEventType,
} from "../../../modules/monetization-event/types"
import { ListPage } from "../../components/list/list-page"
import { useListPagination } from "../../components/list/use-list-pagination"
import { AdminMonetizationEvent, useMonetizationEvents } from "../../hooks/api/monetization-events"

const PAGE_SIZE = 20

const BADGE_COLORS: Record<string, "blue" | "purple" | "orange" | "green"> = {
  OFFER: "blue",
  AD: "purple",
  WAITLIST: "orange",
}

const columnHelper = createDataTableColumnHelper<AdminMonetizationEvent>()

const columns = [
  columnHelper.accessor("occurred_at", {
    header: "Occurred",
    cell: ({ getValue }) => new Date(getValue()).toLocaleString(),
  }),
  columnHelper.accessor("type", {
    header: "Type",
    cell: ({ getValue }) => {
      const type = getValue()
      return (
        <Badge size="2xsmall" color={BADGE_COLORS[type.split("_")[0]] ?? "green"}>
          {type}
        </Badge>
      )
    },
  }),
  columnHelper.accessor("entity_id", { header: "Entity" }),
  columnHelper.accessor("event_id", { header: "Event", cell: ({ getValue }) => getValue() ?? "-" }),
  columnHelper.accessor("session_token", { header: "Session", cell: ({ getValue }) => getValue() ?? "-" }),
  columnHelper.accessor("source", { header: "Source" }),
]

const filterHelper = createDataTableFilterHelper<AdminMonetizationEvent>()

const filters = [
  filterHelper.accessor("type", {
    type: "multiselect",
    label: "Type",
    options: MONETIZATION_EVENT_TYPES.map((type) => ({ label: type, value: type })),
  }),
]

const MonetizationPage = () => {
  const { pagination, setPagination, page } = useListPagination(PAGE_SIZE)
  const [filtering, setFiltering] = useState<DataTableFilteringState>({})

  const types = useMemo(() => {
    const value = filtering.type as MonetizationEventType | MonetizationEventType[] | undefined
    if (!value) {
      return undefined
    }
    const list = Array.isArray(value) ? value : [value]
    return list.length ? list : undefined
  }, [filtering])

  const { monetization_events, count, isLoading, isError, error } = useMonetizationEvents(
    { type: types, ...page },
    { placeholderData: (previous) => previous }
  )

  const table = useDataTable({
    columns,
    data: monetization_events ?? [],
    getRowId: (row) => row.id,
    rowCount: count ?? 0,
    isLoading,
    filters,
    filtering: { state: filtering, onFilteringChange: setFiltering },
    pagination: { state: pagination, onPaginationChange: setPagination },
  })

  if (isError) {
    throw error
  }

  return (
    <ListPage
      table={table}
      testId="monetization-events"
      title="Monetization events"
      description="Offer, ad and waitlist events tracked from the storefront, newest first."
      filterTestId="monetization-events-filter-menu"
      filterTooltip="Filter by type"
      emptyState={{
        empty: { heading: "No events yet", description: "Tracked events appear here." },
        filtered: { heading: "No matching events", description: "Try another type filter." },
      }}
    />
  )
}

export const config = defineRouteConfig({
  label: "Monetization",
  icon: ChartBar,
})

export default MonetizationPage
