import { defineRouteConfig } from "@medusajs/admin-sdk"
import { Beaker, PencilSquare, PlaySolid, StopCircleSolid, Trash } from "@medusajs/icons"
import {
  Container,
  createDataTableColumnHelper,
  DataTable,
  DataTablePaginationState,
  useDataTable,
} from "@medusajs/ui"
import { useMemo, useState } from "react"
import { useNavigate } from "react-router-dom"
import { ListPageToolbar } from "../../components/list-page-toolbar"
import { ExperimentFormModal } from "../../components/experiments/experiment-form-modal"
import { ExperimentStatusBadge, formatDateTime } from "../../components/experiments/status-badge"
import { useExperimentActions } from "../../components/experiments/use-experiment-actions"
import { AdminAbTest, useAbTests } from "../../hooks/api/ab-tests"
import { useEventProducts } from "../../hooks/api/event-products"
import { useFormModal } from "../../hooks/use-form-modal"

const PAGE_SIZE = 20

const columnHelper = createDataTableColumnHelper<AdminAbTest>()

const ExperimentsPage = () => {
  const navigate = useNavigate()
  const [pagination, setPagination] = useState<DataTablePaginationState>({ pageIndex: 0, pageSize: PAGE_SIZE })
  const form = useFormModal<AdminAbTest>()
  const { openEdit } = form
  const actions = useExperimentActions()

  const { ab_tests, count, isLoading, isError, error } = useAbTests(
    { limit: pagination.pageSize, offset: pagination.pageIndex * pagination.pageSize },
    { placeholderData: (previous) => previous }
  )
  const { products } = useEventProducts()
  const eventTitles = useMemo(
    () => new Map((products ?? []).map((product) => [product.id, product.title])),
    [products]
  )

  const columns = useMemo(
    () => [
      columnHelper.accessor("test_id", { header: "Key" }),
      columnHelper.accessor("name", { header: "Name" }),
      columnHelper.accessor("event_id", {
        header: "Event",
        cell: ({ getValue }) => eventTitles.get(getValue()) ?? getValue(),
      }),
      columnHelper.accessor("status", {
        header: "Status",
        cell: ({ getValue }) => <ExperimentStatusBadge status={getValue()} />,
      }),
      columnHelper.accessor("variants", {
        header: "Variants",
        cell: ({ getValue }) => getValue()?.length ?? 0,
      }),
      columnHelper.accessor("started_at", {
        header: "Started",
        cell: ({ getValue }) => formatDateTime(getValue()),
      }),
      columnHelper.action({
        actions: ({ row }) => {
          const experiment = row.original
          const status = [
            ...(experiment.status === "DRAFT"
              ? [{ label: "Start", icon: <PlaySolid />, onClick: () => actions.start(experiment) }]
              : []),
            ...(experiment.status === "RUNNING"
              ? [{ label: "Stop", icon: <StopCircleSolid />, onClick: () => actions.stop(experiment) }]
              : []),
          ]
          const edit =
            experiment.status === "DRAFT"
              ? [
                  {
                    label: "Edit",
                    icon: <PencilSquare />,
                    onClick: () => openEdit(experiment),
                  },
                ]
              : []
          return [
            [...edit, ...status],
            [{ label: "Delete", icon: <Trash />, onClick: () => void actions.destroy(experiment) }],
          ].filter((group) => group.length)
        },
      }),
    ],
    [eventTitles, actions, openEdit]
  )

  const table = useDataTable({
    columns,
    data: ab_tests ?? [],
    getRowId: (row) => row.test_id,
    rowCount: count ?? 0,
    isLoading,
    pagination: { state: pagination, onPaginationChange: setPagination },
    // @medusajs/ui hands over the table row (its id is getRowId's test_id), not the AdminAbTest its types claim.
    onRowClick: (_, row) => navigate(`/experiments/${encodeURIComponent((row as unknown as { id: string }).id)}`),
  })

  if (isError) {
    throw error
  }

  return (
    <Container className="divide-y p-0" data-testid="experiments">
      <DataTable instance={table}>
        <ListPageToolbar
          title="Experiments"
          description="A/B tests on your events: variants, traffic split and results."
          createTestId="experiment-create"
          onCreate={form.openCreate}
        />
        <DataTable.Table
          emptyState={{
            empty: { heading: "No experiments yet", description: "Create one to start testing variants." },
          }}
        />
        <DataTable.Pagination />
      </DataTable>
      <ExperimentFormModal
        open={form.open}
        onOpenChange={form.setOpen}
        experiment={form.editing}
        onSaved={(experiment) => {
          if (!form.editing) {
            navigate(`/experiments/${encodeURIComponent(experiment.test_id)}`)
          }
        }}
      />
    </Container>
  )
}

export const config = defineRouteConfig({
  label: "Experiments",
  icon: Beaker,
})

export default ExperimentsPage
