import { Badge, Heading, Table, Text } from "@medusajs/ui"
import { Link } from "react-router-dom"
import { useOffer } from "../../hooks/api/offers"
import { formatMoney } from "./offer-format"

const REASONS = {
  EXCEEDS_HOLD: "More units than held (a checkout route that skipped the plugin's cart guard)",
  HOLD_LAPSED: "The hold lapsed and its units were sold to others",
}

/** Orders that took units at the offer price beyond their hold or the stock: listed for the organizer to settle. */
export const OfferFlaggedOrders = ({ offerId }: { offerId: string }) => {
  const { offer } = useOffer(offerId)
  const rows = offer?.flagged_purchases ?? []
  if (!rows.length) {
    return null
  }
  return (
    <section className="flex flex-col gap-y-3" data-testid="offer-flagged-orders">
      <Heading level="h2">Orders to review</Heading>
      <Text size="small" className="text-ui-fg-subtle">
        These orders were paid at the offer price for units the offer's stock did not count as sold.
      </Text>
      <Table>
        <Table.Header>
          <Table.Row>
            <Table.HeaderCell>Order</Table.HeaderCell>
            <Table.HeaderCell>Counted</Table.HeaderCell>
            <Table.HeaderCell>Not counted</Table.HeaderCell>
            <Table.HeaderCell>Paid</Table.HeaderCell>
            <Table.HeaderCell>Why</Table.HeaderCell>
          </Table.Row>
        </Table.Header>
        <Table.Body>
          {rows.map((row) => (
            <Table.Row key={row.id}>
              <Table.Cell>
                <Link to={`/orders/${row.order_id}`}>{row.order_id}</Link>
              </Table.Cell>
              <Table.Cell>{row.quantity}</Table.Cell>
              <Table.Cell>
                <Badge color="orange" size="2xsmall">
                  {row.flagged_quantity}
                </Badge>
              </Table.Cell>
              <Table.Cell>{formatMoney(row.amount, row.currency_code)}</Table.Cell>
              <Table.Cell>{row.flag ? REASONS[row.flag] : ""}</Table.Cell>
            </Table.Row>
          ))}
        </Table.Body>
      </Table>
    </section>
  )
}
