import { PencilSquare, PlaySolid, StopCircleSolid, Trash } from "@medusajs/icons"
import { createDataTableColumnHelper } from "@medusajs/ui"
import { useMemo } from "react"
import type { AdminAbTest } from "../../hooks/api/ab-tests"
import { AbTestStatusBadge, formatDateTime } from "./ab-test-status-badge"
import type { useAbTestActions } from "./use-ab-test-actions"

const columnHelper = createDataTableColumnHelper<AdminAbTest>()

type AbTestColumnsOptions = {
  eventTitles: Map<string, string>
  actions: ReturnType<typeof useAbTestActions>
  onEdit: (abTest: AdminAbTest) => void
}

/** The A/B tests table: key, name, event, status, variants, start, and the moves the status allows. */
export function useAbTestColumns({ eventTitles, actions, onEdit }: AbTestColumnsOptions) {
  return useMemo(
    () => [
      columnHelper.accessor("test_id", { header: "Key" }),
      columnHelper.accessor("name", { header: "Name" }),
      columnHelper.accessor("event_id", {
        header: "Event",
        cell: ({ getValue }) => eventTitles.get(getValue()) ?? getValue(),
      }),
      columnHelper.accessor("status", {
        header: "Status",
        cell: ({ getValue }) => <AbTestStatusBadge status={getValue()} />,
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
          const abTest = row.original
          const status = [
            ...(abTest.status === "DRAFT"
              ? [{ label: "Start", icon: <PlaySolid />, onClick: () => actions.start(abTest) }]
              : []),
            ...(abTest.status === "RUNNING"
              ? [{ label: "Stop", icon: <StopCircleSolid />, onClick: () => actions.stop(abTest) }]
              : []),
          ]
          const edit =
            abTest.status === "DRAFT"
              ? [{ label: "Edit", icon: <PencilSquare />, onClick: () => onEdit(abTest) }]
              : []
          return [
            [...edit, ...status],
            [{ label: "Delete", icon: <Trash />, onClick: () => void actions.destroy(abTest) }],
          ].filter((group) => group.length)
        },
      }),
    ],
    [eventTitles, actions, onEdit]
  )
}
