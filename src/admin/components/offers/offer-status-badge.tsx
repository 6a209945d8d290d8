import { StatusBadge } from "@medusajs/ui"
import type { AdminOffer } from "../../hooks/api/offers"

type OfferStatus = "archived" | "inactive" | "expired" | "scheduled" | "sold_out" | "active"

const STATUS: Record<OfferStatus, { label: string; color: "grey" | "green" | "orange" | "blue" | "red" }> = {
  archived: { label: "Archived", color: "grey" },
  inactive: { label: "Inactive", color: "grey" },
  expired: { label: "Expired", color: "red" },
  scheduled: { label: "Scheduled", color: "blue" },
  sold_out: { label: "Sold out", color: "orange" },
  active: { label: "Active", color: "green" },
}

/** The status a customer would meet now, in the server's order of checks. */
export function offerStatus(offer: AdminOffer, now = new Date()): OfferStatus {
  if (offer.is_archived) {
    return "archived"
  }
  if (!offer.is_active) {
    return "inactive"
  }
  if (offer.expires_at && new Date(offer.expires_at) <= now) {
    return "expired"
  }
  if (offer.starts_at && new Date(offer.starts_at) > now) {
    return "scheduled"
  }
  return offer.inventory.available === 0 ? "sold_out" : "active"
}

export const OfferStatusBadge = ({ offer }: { offer: AdminOffer }) => {
  const { label, color } = STATUS[offerStatus(offer)]
  return (
    <StatusBadge color={color} data-testid="offer-status">
      {label}
    </StatusBadge>
  )
}
