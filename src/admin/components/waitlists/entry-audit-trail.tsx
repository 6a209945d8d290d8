import { Badge, Text } from "@medusajs/ui"
import type { AdminWaitlistAudit } from "../../hooks/api/waitlists"
import { formatDateTime } from "./format"

const DATE_KEYS = /(_at|_until)$/

const describe = (details: Record<string, unknown> | null) =>
  details
    ? Object.entries(details)
        .map(([key, value]) =>
          `${key.replace(/_/g, " ")}: ${DATE_KEYS.test(key) && typeof value === "string" ? formatDateTime(value) : String(value)}`
        )
        .join(" · ")
    : ""

/** What happened to one entry, oldest first. */
export const EntryAuditTrail = ({ audit }: { audit: AdminWaitlistAudit[] }) => {
  if (!audit.length) {
    return (
      <Text size="small" className="text-ui-fg-subtle">
        No recorded actions.
      </Text>
    )
  }
  return (
    <ol className="flex flex-col gap-2" data-testid="waitlist-audit">
      {audit.map((row) => (
        <li key={row.id} className="flex flex-wrap items-center gap-x-3 gap-y-1" data-testid="waitlist-audit-row">
          <Badge size="2xsmall" color="grey">
            {row.action}
          </Badge>
          <Text size="small">{formatDateTime(row.at)}</Text>
          {row.details && (
            <Text size="small" className="text-ui-fg-subtle">
              {describe(row.details)}
            </Text>
          )}
        </li>
      ))}
    </ol>
  )
}
