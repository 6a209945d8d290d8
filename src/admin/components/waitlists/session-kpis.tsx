import { Container, Text } from "@medusajs/ui"
import type { AdminSessionInventory, AdminWaitlistStatusCounts } from "../../hooks/api/waitlists"

/** Seats of the session and its entries by status (all of them, not only the page shown), one card each. */
export const SessionKpis = ({
  session,
  counts,
}: {
  session: AdminSessionInventory
  counts: AdminWaitlistStatusCounts
}) => {
  const cards: { key: string; label: string; value: number; hint?: string }[] = [
    { key: "capacity", label: "Capacity", value: session.capacity },
    { key: "sold", label: "Sold", value: session.sold },
    { key: "held", label: "Held", value: session.held, hint: "Seats kept for offers and accepted carts" },
    { key: "free", label: "Free seats", value: session.offerable, hint: "Seats that can be offered now" },
    { key: "waiting", label: "Waiting", value: counts.waiting },
    { key: "offered", label: "Offered", value: counts.offered },
    { key: "accepted", label: "Accepted", value: counts.accepted },
    { key: "expired", label: "Expired", value: counts.expired },
    { key: "declined", label: "Declined", value: counts.declined },
  ]
  return (
    <div className="grid grid-cols-2 gap-3 md:grid-cols-3 xl:grid-cols-5" data-testid="waitlist-kpis">
      {cards.map((card) => (
        <Container key={card.key} className="flex flex-col gap-1 px-4 py-3" data-testid={`waitlist-kpi-${card.key}`}>
          <Text size="xsmall" className="text-ui-fg-subtle">
            {card.label}
          </Text>
          <Text size="xlarge" weight="plus" data-testid="waitlist-kpi-value">
            {card.value}
          </Text>
          {card.hint && (
            <Text size="xsmall" className="text-ui-fg-muted">
              {card.hint}
            </Text>
          )}
        </Container>
      ))}
    </div>
  )
}
