import { TriangleDownMini, TriangleRightMini } from "@medusajs/icons"
import { Checkbox, Container, Heading, IconButton, Table, Text } from "@medusajs/ui"
import { Fragment, useState } from "react"
import type { AdminWaitlistEntry } from "../../hooks/api/waitlists"
import { EntryActions, removable } from "./entry-actions"
import { EntryAuditTrail } from "./entry-audit-trail"
import { endReason, formatDateTime } from "./format"
import { OfferCountdown } from "./offer-countdown"
import { WaitlistStatusBadge } from "./waitlist-status-badge"

const COLUMNS = 11

const customerLabel = (entry: AdminWaitlistEntry) => {
  const name = [entry.customer?.first_name, entry.customer?.last_name].filter(Boolean).join(" ")
  return { primary: entry.customer?.email ?? entry.customer_id, secondary: name || null }
}

/** Every entry of the session in FIFO order; a row expands to its audit trail; rows can be released or removed. */
export const WaitlistEntriesTable = ({ sessionId, entries }: { sessionId: string; entries: AdminWaitlistEntry[] }) => {
  const [expanded, setExpanded] = useState<Set<string>>(new Set())
  const [selectedIds, setSelectedIds] = useState<Set<string>>(new Set())
  const selected = entries.filter((entry) => selectedIds.has(entry.id) && removable(entry))
  const select = (id: string, on: boolean) =>
    setSelectedIds((current) => {
      const next = new Set(current)
      if (on) {
        next.add(id)
      } else {
        next.delete(id)
      }
      return next
    })
  const toggle = (id: string) =>
    setExpanded((current) => {
      const next = new Set(current)
      if (!next.delete(id)) {
        next.add(id)
      }
      return next
    })

  return (
    <Container className="divide-y p-0" data-testid="waitlist-entries">
      <div className="flex flex-col gap-3 px-6 py-4 md:flex-row md:items-start md:justify-between">
        <div>
          <Heading level="h2">Entries</Heading>
          <Text size="small" className="text-ui-fg-subtle">
            Freed seats go to the first entries that fit; the head keeps its place. Position counts only customers still
            waiting.
          </Text>
        </div>
        <EntryActions sessionId={sessionId} selected={selected} onDone={() => setSelectedIds(new Set())} />
      </div>
      {entries.length ? (
        <div className="overflow-x-auto">
          <Table>
            <Table.Header>
              <Table.Row>
                <Table.HeaderCell className="w-8" />
                <Table.HeaderCell className="w-8" />
                <Table.HeaderCell>Position</Table.HeaderCell>
                <Table.HeaderCell>Customer</Table.HeaderCell>
                <Table.HeaderCell>Status</Table.HeaderCell>
                <Table.HeaderCell className="text-right">Seats</Table.HeaderCell>
                <Table.HeaderCell>Joined</Table.HeaderCell>
                <Table.HeaderCell>Offered at</Table.HeaderCell>
                <Table.HeaderCell>Offer expires</Table.HeaderCell>
                <Table.HeaderCell>Accepted / ordered</Table.HeaderCell>
                <Table.HeaderCell>Ended because</Table.HeaderCell>
              </Table.Row>
            </Table.Header>
            <Table.Body>
              {entries.map((entry) => {
                const open = expanded.has(entry.id)
                const customer = customerLabel(entry)
                return (
                  <Fragment key={entry.id}>
                    <Table.Row data-testid="waitlist-entry" data-entry-id={entry.id}>
                      <Table.Cell>
                        <Checkbox
                          aria-label={`Select ${customer.primary}`}
                          disabled={!removable(entry)}
                          checked={selectedIds.has(entry.id) && removable(entry)}
                          onCheckedChange={(checked) => select(entry.id, checked === true)}
                          data-testid="waitlist-entry-select"
                        />
                      </Table.Cell>
                      <Table.Cell>
                        <IconButton
                          size="small"
                          variant="transparent"
                          aria-expanded={open}
                          aria-label={`${open ? "Hide" : "Show"} audit trail of ${customer.primary}`}
                          onClick={() => toggle(entry.id)}
                          data-testid="waitlist-entry-toggle"
                        >
                          {open ? <TriangleDownMini /> : <TriangleRightMini />}
                        </IconButton>
                      </Table.Cell>
                      <Table.Cell data-testid="waitlist-entry-position">{entry.position ?? "-"}</Table.Cell>
                      <Table.Cell>
                        <div className="flex flex-col">
                          <span data-testid="waitlist-entry-customer">{customer.primary}</span>
                          {customer.secondary && (
                            <Text size="xsmall" className="text-ui-fg-subtle">
                              {customer.secondary}
                            </Text>
                          )}
                        </div>
                      </Table.Cell>
                      <Table.Cell>
                        <WaitlistStatusBadge status={entry.status} />
                      </Table.Cell>
                      <Table.Cell className="text-right">{entry.quantity}</Table.Cell>
                      <Table.Cell>{formatDateTime(entry.created_at)}</Table.Cell>
                      <Table.Cell data-testid="waitlist-entry-offered-at">{formatDateTime(entry.offered_at)}</Table.Cell>
                      <Table.Cell data-testid="waitlist-entry-expires">
                        <OfferCountdown expiresAt={entry.offer_expires_at} open={entry.status === "OFFERED"} />
                      </Table.Cell>
                      <Table.Cell>
                        <div className="flex flex-col">
                          <span>{formatDateTime(entry.accepted_at)}</span>
                          {entry.consumed_at && (
                            <Text size="xsmall" className="text-ui-fg-subtle">
                              Ordered {formatDateTime(entry.consumed_at)}
                            </Text>
                          )}
                          {entry.status === "ACCEPTED" && !entry.consumed_at && (
                            <div data-testid="waitlist-entry-checkout-deadline">
                              <Text size="xsmall" className="text-ui-fg-subtle">
                                Checkout by
                              </Text>
                              <OfferCountdown expiresAt={entry.checkout_expires_at} open />
                            </div>
                          )}
                        </div>
                      </Table.Cell>
                      <Table.Cell data-testid="waitlist-entry-reason">
                        <Text size="xsmall">{endReason(entry.audit) ?? (entry.skip_count ? `Passed over ${entry.skip_count}×` : "-")}</Text>
                      </Table.Cell>
                    </Table.Row>
                    {open && (
                      <Table.Row data-testid="waitlist-entry-audit" className="bg-ui-bg-subtle">
                        {/* A plain td: Table.Cell's props do not include colSpan. */}
                        <td colSpan={COLUMNS} className="px-6 py-3">
                          <EntryAuditTrail audit={entry.audit} />
                        </td>
                      </Table.Row>
                    )}
                  </Fragment>
                )
              })}
            </Table.Body>
          </Table>
        </div>
      ) : (
        <div className="px-6 py-4">
          <Text size="small" className="text-ui-fg-subtle">
            Nobody has joined this waitlist.
          </Text>
        </div>
      )}
    </Container>
  )
}
