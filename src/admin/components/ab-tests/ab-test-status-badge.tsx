import { StatusBadge } from "@medusajs/ui"
import type { AbTestStatus } from "../../hooks/api/ab-tests"

const COLORS: Record<AbTestStatus, "grey" | "green" | "orange"> = {
  DRAFT: "grey",
  RUNNING: "green",
  STOPPED: "orange",
}

const LABELS: Record<AbTestStatus, string> = { DRAFT: "Draft", RUNNING: "Running", STOPPED: "Stopped" }

export const AbTestStatusBadge = ({ status }: { status: AbTestStatus }) => (
  <StatusBadge color={COLORS[status] ?? "grey"} data-testid="ab-test-status">
    {LABELS[status] ?? status}
  </StatusBadge>
)

export const formatDateTime = (value: string | null | undefined) =>
  value ? new Date(value).toLocaleString() : "-"
