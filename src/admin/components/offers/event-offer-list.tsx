import { Text } from "@medusajs/ui"
import type { AdminOffer } from "../../hooks/api/offers"
import { OFFER_PLACEMENT_LABELS, OFFER_TYPE_LABELS } from "./offer-format"
import { OfferPrice } from "./offer-price"
import { OfferStatusBadge } from "./offer-status-badge"
import { OfferStockBar } from "./offer-stock-bar"

/** The compact rows of the product widget: one offer a line with its price, status and stock. */
export const EventOfferList = ({ offers }: { offers: AdminOffer[] }) => (
  <ul className="divide-y" data-testid="event-offers-list">
    {offers.map((offer) => (
      <li
        key={offer.id}
        className="grid grid-cols-[1fr_auto] items-center gap-x-4 gap-y-2 px-6 py-3 md:grid-cols-[1fr_auto_160px_auto]"
        data-testid="event-offer"
      >
        <div className="flex min-w-0 flex-col">
          <Text size="small" weight="plus" className="truncate" data-testid="offer-title">
            {offer.title}
          </Text>
          <Text size="xsmall" className="text-ui-fg-subtle">
            {OFFER_TYPE_LABELS[offer.offer_type]} · {OFFER_PLACEMENT_LABELS[offer.placement]}
          </Text>
        </div>
        <OfferPrice offer={offer} />
        <OfferStockBar inventory={offer.inventory} />
        <OfferStatusBadge offer={offer} />
      </li>
    ))}
  </ul>
)
