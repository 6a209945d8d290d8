import { Text } from "@medusajs/ui"
import type { AdminOffer } from "../../hooks/api/offers"
import { formatMoney } from "./offer-format"

/** The offer price, with the original price struck through when there is one. */
export const OfferPrice = ({ offer }: { offer: Pick<AdminOffer, "price" | "original_price" | "currency_code"> }) => (
  <span className="flex items-baseline gap-x-1.5" data-testid="offer-price">
    <Text size="small" weight="plus" asChild>
      <span>{formatMoney(offer.price, offer.currency_code)}</span>
    </Text>
    {offer.original_price !== null && offer.original_price !== undefined && offer.original_price > offer.price && (
      <Text size="xsmall" className="text-ui-fg-muted line-through" asChild>
        <s data-testid="offer-original-price">{formatMoney(offer.original_price, offer.currency_code)}</s>
      </Text>
    )}
  </span>
)
