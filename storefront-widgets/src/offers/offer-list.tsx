"use client"

import { OfferCard } from "./offer-card.js"
import { OfferPurchaseResult } from "./use-offer-purchase.js"
import { StoreOffer, useOffers } from "./use-offers.js"

export type OfferListProps = {
  eventId: string
  placement?: string
  sessionId?: string
  cartId?: string
  onPurchased?: (result: OfferPurchaseResult, offer: StoreOffer) => void
  className?: string
}

export function OfferList({ eventId, placement, sessionId, cartId, onPurchased, className }: OfferListProps) {
  const { data, isPending, isError } = useOffers({ eventId, placement, sessionId })
  if (isPending) return <p className="em-offers-loading">Loading offers…</p>
  if (isError || !data?.length) return null
  return (
    <section className={className ?? "em-offer-list"}>
      {data.map((offer) => (
        <OfferCard key={offer.id} offer={offer} cartId={cartId} onPurchased={onPurchased} />
      ))}
    </section>
  )
}
