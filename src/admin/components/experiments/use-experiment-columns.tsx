import { PencilSquare, PlaySolid, StopCircleSolid, Trash } from "@medusajs/icons"
import { createDataTableColumnHelper } from "@medusajs/ui"
import { useMemo } from "react"
import type { AdminAbTest } from "../../hooks/api/ab-tests"
import { ExperimentStatusBadge, formatDateTime } from "./status-badge"
import type { useExperimentActions } from "./use-experiment-actions"

const columnHelper = createDataTableColumnHelper<AdminAbTest>()

type ExperimentColumnsOptions = {
  eventTitles: Map<string, string>
  actions: ReturnType<typeof useExperimentActions>
  onEdit: (experiment: AdminAbTest) => void
}

/** The experiments table: key, name, event, status, variants, start, and the moves the status allows. */
export function useExperimentColumns({ eventTitles, actions, onEdit }: ExperimentColumnsOptions) {
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
              ? [{ label: "Edit", icon: <PencilSquare />, onClick: () => onEdit(experiment) }]
              : []
          return [
            [...edit, ...status],
            [{ label: "Delete", icon: <Trash />, onClick: () => void actions.destroy(experiment) }],
          ].filter((group) => group.length)
        },
      }),
    ],
    [eventTitles, actions, onEdit]
  )
}
