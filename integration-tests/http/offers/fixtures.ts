import type { MedusaContainer } from "@medusajs/framework/types"
import type { StoreSetup } from "../../helpers/store-setup"
import { createTicketProduct } from "../../helpers/ticket-product"

export const DAY = 24 * 60 * 60 * 1000

/** An event (ticket product) and a merchandise product whose variant offers sell. */
export async function createOfferFixtures(container: MedusaContainer, setup: StoreSetup) {
  const event = await createTicketProduct(container, setup, { title: "Festival", price: 50, stock: 500 })
  const merch = await createTicketProduct(container, setup, { title: "Festival T-Shirt", price: 30, stock: 1000 })
  return { event, merch }
}

export function offerBody(eventId: string, variantId: string, overrides: Record<string, unknown> = {}) {
  return {
    event_id: eventId,
    variant_id: variantId,
    title: "Festival T-Shirt",
    description: "Limited edition",
    offer_type: "MERCHANDISE",
    price: 20,
    original_price: 30,
    currency_code: "eur",
    placement: "POST_PURCHASE",
    starts_at: new Date(Date.now() - DAY).toISOString(),
    expires_at: new Date(Date.now() + DAY).toISOString(),
    inventory_total: 50,
    ...overrides,
  }
}
