import { defineWidgetConfig } from "@medusajs/admin-sdk"
import { Button, Container, Heading, Text } from "@medusajs/ui"
import { useState } from "react"
import { Link } from "react-router-dom"
import { EventOfferList } from "../components/offers/event-offer-list"
import { OfferFormModal } from "../components/offers/offer-form-modal"
import { useOffers } from "../hooks/api/offers"

type ProductDetailsWidgetProps = { data: { id: string } }

const WIDGET_LIMIT = 50

/** The product is the event: the offers sold around it, with their stock. */
const EventOffersWidget = ({ data }: ProductDetailsWidgetProps) => {
  const [formOpen, setFormOpen] = useState(false)
  const { offers, count, isLoading, isError, error } = useOffers({
    event_id: data.id,
    is_archived: false,
    limit: WIDGET_LIMIT,
  })

  return (
    <Container className="divide-y p-0" data-testid="event-offers-widget">
      <div className="flex items-center justify-between gap-x-4 px-6 py-4">
        <div>
          <Heading level="h2">Offers</Heading>
          <Text size="small" className="text-ui-fg-subtle">
            Upsells sold with this event's tickets.
          </Text>
        </div>
        <div className="flex items-center gap-x-2">
          <Button size="small" variant="transparent" asChild>
            <Link to={`/offers?event_id=${encodeURIComponent(data.id)}`} data-testid="event-offers-view-all">
              View all
            </Link>
          </Button>
          <Button size="small" variant="secondary" onClick={() => setFormOpen(true)} data-testid="event-offers-create">
            Create offer
          </Button>
        </div>
      </div>
      {isLoading && (
        <Text size="small" className="text-ui-fg-subtle px-6 py-4">
          Loading offers…
        </Text>
      )}
      {isError && (
        <Text size="small" className="text-ui-fg-error px-6 py-4">
          {error?.message ?? "Offers could not be loaded."}
        </Text>
      )}
      {offers && !offers.length && (
        <Text size="small" className="text-ui-fg-subtle px-6 py-4" data-testid="event-offers-empty">
          No offers for this event yet.
        </Text>
      )}
      {offers && offers.length > 0 && <EventOfferList offers={offers} />}
      {count !== undefined && count > WIDGET_LIMIT && (
        <Text size="xsmall" className="text-ui-fg-muted px-6 py-3">
          Showing the newest {WIDGET_LIMIT} of {count}.
        </Text>
      )}
      <OfferFormModal open={formOpen} onOpenChange={setFormOpen} eventId={data.id} />
    </Container>
  )
}

export const config = defineWidgetConfig({
  zone: "product.details.after",
})

export default EventOffersWidget
