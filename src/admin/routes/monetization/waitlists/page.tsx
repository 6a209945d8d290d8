import { defineRouteConfig } from "@medusajs/admin-sdk"
import { createDataTableColumnHelper, useDataTable } from "@medusajs/ui"
import { useMemo } from "react"
import { useNavigate } from "react-router-dom"
import { ListPage } from "../../../components/list/list-page"
import { useListPagination } from "../../../components/list/use-list-pagination"
import { monetizationPaths } from "../../../components/monetization-paths"
import { count } from "../../../components/waitlists/format"
import { AdminWaitlistSummary, useWaitlists } from "../../../hooks/api/waitlists"

const REFRESH_MS = 10_000
const PAGE_SIZE = 50

const columnHelper = createDataTableColumnHelper<AdminWaitlistSummary>()

const countColumn = (key: keyof AdminWaitlistSummary, header: string) =>
  columnHelper.accessor(key, {
    header,
    cell: ({ getValue }) => count(getValue() as number | null),
  })

// @medusajs/ui hands onRowClick the table row (its id is getRowId's), although its type says the data row.
const sessionIdOf = (row: AdminWaitlistSummary | { id: string }) => ("session_id" in row ? row.session_id : row.id)

const WaitlistsPage = () => {
  const navigate = useNavigate()
  const { pagination, setPagination, page } = useListPagination(PAGE_SIZE)
  const { waitlists, count, isLoading, isError, error } = useWaitlists(page, {
    refetchInterval: REFRESH_MS,
    placeholderData: (previous) => previous,
  })
  const showDeclined = (waitlists ?? []).some((row) => row.declined > 0)

  const columns = useMemo(
    () => [
      columnHelper.accessor("title", {
        header: "Session",
        cell: ({ row }) => row.original.title ?? row.original.session_id,
      }),
      countColumn("capacity", "Capacity"),
      countColumn("sold", "Sold"),
      countColumn("held", "Held"),
      countColumn("waiting", "Waiting"),
      countColumn("offered", "Offered"),
      countColumn("accepted", "Accepted"),
      countColumn("expired", "Expired"),
      ...(showDeclined ? [countColumn("declined", "Declined")] : []),
    ],
    [showDeclined]
  )

  const table = useDataTable({
    columns,
    data: waitlists ?? [],
    getRowId: (row) => row.session_id,
    rowCount: count ?? 0,
    isLoading,
    pagination: { state: pagination, onPaginationChange: setPagination },
    onRowClick: (_, row) => navigate(monetizationPaths.waitlist(sessionIdOf(row))),
  })

  if (isError) {
    throw error
  }

  return (
    <ListPage
      table={table}
      testId="waitlists"
      title="Waitlists"
      description={`Sold-out sessions and the customers waiting for a seat. Refreshes every ${REFRESH_MS / 1000} seconds.`}
      emptyState={{
        empty: {
          heading: "No waitlists yet",
          description: "Customers can join a waitlist once a session is sold out.",
        },
      }}
    />
  )
}

export const config = defineRouteConfig({
  label: "Waitlists",
  rank: 5,
})

export default WaitlistsPage
