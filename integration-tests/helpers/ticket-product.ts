import type { MedusaContainer } from "@medusajs/framework/types"
import { ProductStatus } from "@medusajs/framework/utils"
import {
  createInventoryItemsWorkflow,
  createProductsWorkflow,
  createStockLocationsWorkflow,
  linkSalesChannelsToStockLocationWorkflow,
} from "@medusajs/medusa/core-flows"
import type { StoreSetup } from "./store-setup"

export type TicketProduct = {
  productId: string
  variantId: string
  inventoryItemId: string
  locationId: string
}

export type TicketProductInput = {
  title?: string
  /** Unit price in EUR (major units, as Medusa stores it). */
  price?: number
  stock?: number
}

/**
 * An event product with one ticket variant priced in EUR, sold in the setup's sales
 * channel, with stock at a venue location. Tickets need no shipping: the inventory
 * item has `requires_shipping: false` and the product no shipping profile, so the
 * line item is created with `requires_shipping: false` and a cart completes without
 * a shipping method (validateShippingStep only checks items that require shipping).
 */
export async function createTicketProduct(
  container: MedusaContainer,
  setup: StoreSetup,
  { title = "Open Air Festival 2026", price = 25, stock = 100 }: TicketProductInput = {}
): Promise<TicketProduct> {
  const { result: locations } = await createStockLocationsWorkflow(container).run({
    input: { locations: [{ name: "Venue box office" }] },
  })
  const locationId = locations[0].id
  await linkSalesChannelsToStockLocationWorkflow(container).run({
    input: { id: locationId, add: [setup.salesChannelId] },
  })

  const sku = `TICKET-${Math.random().toString(36).slice(2, 10).toUpperCase()}`
  const { result: inventoryItems } = await createInventoryItemsWorkflow(container).run({
    input: {
      items: [
        {
          sku,
          title: `${title} – General Admission`,
          requires_shipping: false,
          location_levels: [{ location_id: locationId, stocked_quantity: stock }],
        },
      ],
    },
  })
  const inventoryItemId = inventoryItems[0].id

  const { result: products } = await createProductsWorkflow(container).run({
    input: {
      products: [
        {
          title,
          status: ProductStatus.PUBLISHED,
          options: [{ title: "Ticket", values: ["General Admission"] }],
          variants: [
            {
              title: "General Admission",
              sku,
              manage_inventory: true,
              options: { Ticket: "General Admission" },
              prices: [{ amount: price, currency_code: "eur" }],
              inventory_items: [{ inventory_item_id: inventoryItemId, required_quantity: 1 }],
            },
          ],
          sales_channels: [{ id: setup.salesChannelId }],
        },
      ],
    },
  })

  return {
    productId: products[0].id,
    variantId: products[0].variants[0].id,
    inventoryItemId,
    locationId,
  }
}
