import { StatusBadge } from "@medusajs/ui"
import type { WaitlistStatus } from "../../hooks/api/waitlists"

const COLORS: Record<WaitlistStatus, "grey" | "green" | "orange" | "red" | "blue"> = {
  WAITING: "grey",
  OFFERED: "orange",
  ACCEPTED: "green",
  EXPIRED: "red",
  DECLINED: "red",
  LEFT: "grey",
}

const LABELS: Record<WaitlistStatus, string> = {
  WAITING: "Waiting",
  OFFERED: "Offered",
  ACCEPTED: "Accepted",
  EXPIRED: "Expired",
  DECLINED: "Declined",
  LEFT: "Left",
}

export const WaitlistStatusBadge = ({ status }: { status: WaitlistStatus }) => (
  <StatusBadge color={COLORS[status] ?? "grey"} data-testid="waitlist-entry-status">
    {LABELS[status] ?? status}
  </StatusBadge>
)
