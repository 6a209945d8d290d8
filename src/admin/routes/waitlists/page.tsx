import { defineRouteConfig } from "@medusajs/admin-sdk"
import { QueueList } from "@medusajs/icons"
import {
  Container,
  createDataTableColumnHelper,
  DataTable,
  DataTablePaginationState,
  Heading,
  Text,
  useDataTable,
} from "@medusajs/ui"
import { useMemo, useState } from "react"
import { useNavigate } from "react-router-dom"
import { count } from "../../components/waitlists/format"
import { AdminWaitlistSummary, useWaitlists } from "../../hooks/api/waitlists"

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
  const [pagination, setPagination] = useState<DataTablePaginationState>({ pageIndex: 0, pageSize: PAGE_SIZE })
  const { waitlists, count, isLoading, isError, error } = useWaitlists(
    { limit: pagination.pageSize, offset: pagination.pageIndex * pagination.pageSize },
    { refetchInterval: REFRESH_MS, placeholderData: (previous) => previous }
  )
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
    onRowClick: (_, row) => navigate(`/waitlists/${encodeURIComponent(sessionIdOf(row))}`),
  })

  if (isError) {
    throw error
  }

  return (
    <Container className="divide-y p-0" data-testid="waitlists">
      <DataTable instance={table}>
        <DataTable.Toolbar>
          <div>
            <Heading>Waitlists</Heading>
            <Text size="small" className="text-ui-fg-subtle">
              Sold-out sessions and the customers waiting for a seat. Refreshes every {REFRESH_MS / 1000} seconds.
            </Text>
          </div>
        </DataTable.Toolbar>
        <DataTable.Table
          emptyState={{
            empty: {
              heading: "No waitlists yet",
              description: "Customers can join a waitlist once a session is sold out.",
            },
          }}
        />
        <DataTable.Pagination />
      </DataTable>
    </Container>
  )
}

export const config = defineRouteConfig({
  label: "Waitlists",
  icon: QueueList,
})

export default WaitlistsPage
