import type { OfferPlacement, OfferType } from "../../hooks/api/offers"

export const OFFER_TYPE_LABELS: Record<OfferType, string> = {
  TICKET_UPGRADE: "Ticket upgrade",
  MERCHANDISE: "Merchandise",
  EXCLUSIVE_CONTENT: "Exclusive content",
  SERVICE: "Service",
}

export const OFFER_PLACEMENT_LABELS: Record<OfferPlacement, string> = {
  CHECKOUT: "Checkout",
  POST_PURCHASE: "Post-purchase",
  IN_EVENT: "In event",
  EMAIL: "Email",
}

/** Prices are stored in major units, as Medusa stores them. */
export function formatMoney(amount: number, currencyCode: string): string {
  try {
    return new Intl.NumberFormat(undefined, { style: "currency", currency: currencyCode.toUpperCase() }).format(amount)
  } catch {
    return `${amount} ${currencyCode.toUpperCase()}`
  }
}

const formatDate = (value: string) =>
  new Date(value).toLocaleString(undefined, { dateStyle: "medium", timeStyle: "short" })

export function formatSchedule(startsAt: string | null, expiresAt: string | null): string {
  if (!startsAt && !expiresAt) {
    return "Always"
  }
  if (!expiresAt) {
    return `From ${formatDate(startsAt!)}`
  }
  if (!startsAt) {
    return `Until ${formatDate(expiresAt)}`
  }
  return `${formatDate(startsAt)} – ${formatDate(expiresAt)}`
}
