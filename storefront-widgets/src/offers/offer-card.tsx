"use client"

import { useEffect, useRef } from "react"
import { useTrack } from "../analytics/use-track.js"
import { OfferPurchaseResult, useOfferPurchase } from "./use-offer-purchase.js"
import { StoreOffer } from "./use-offers.js"

export function formatPrice(amount: number, currencyCode: string): string {
  try {
    return new Intl.NumberFormat(undefined, { style: "currency", currency: currencyCode.toUpperCase() }).format(amount)
  } catch {
    return `${amount} ${currencyCode.toUpperCase()}`
  }
}

export type OfferCardProps = {
  offer: StoreOffer
  cartId?: string
  onPurchased?: (result: OfferPurchaseResult, offer: StoreOffer) => void
}

export function OfferCard({ offer, cartId, onPurchased }: OfferCardProps) {
  const track = useTrack()
  const purchase = useOfferPurchase()
  const tracked = useRef(false)

  useEffect(() => {
    // Once per mounted card (the ref survives StrictMode's effect replay and re-renders).
    if (tracked.current) return
    tracked.current = true
    track({ type: "OFFER_VIEW", entity_id: offer.id, event_id: offer.event_id, metadata: { placement: offer.placement } })
  }, [offer.id, offer.event_id, offer.placement, track])

  const available = offer.inventory?.available
  const soldOut = available !== null && available !== undefined && available <= 0
  const discounted = offer.original_price != null && offer.original_price > offer.price

  const add = () => {
    track({ type: "OFFER_CLICK", entity_id: offer.id, event_id: offer.event_id })
    purchase.mutate(
      { offerId: offer.id, quantity: 1, cartId },
      // Add-to-cart is the server's hold record, not a client report.
      { onSuccess: (result) => onPurchased?.(result, offer) }
    )
  }

  return (
    <article className="em-offer-card" data-offer-id={offer.id}>
      {offer.image_url && <img src={offer.image_url} alt="" />}
      <h3>{offer.title}</h3>
      {offer.description && <p>{offer.description}</p>}
      <p className="em-offer-price">
        <strong>{formatPrice(offer.price, offer.currency_code)}</strong>{" "}
        {discounted && <s aria-label="original price">{formatPrice(offer.original_price!, offer.currency_code)}</s>}
      </p>
      <p className="em-offer-availability">
        {soldOut ? "Sold out" : available === null || available === undefined ? "Available" : `${available} left`}
      </p>
      <button type="button" disabled={soldOut || purchase.isPending || purchase.isSuccess} onClick={add}>
        {purchase.isPending ? "Adding…" : purchase.isSuccess ? "Added" : "Add"}
      </button>
      {purchase.isError && <p role="alert">{purchase.error.message}</p>}
    </article>
  )
}
