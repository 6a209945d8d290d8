import type { ExecArgs } from "@medusajs/framework/types"
import { ProductStatus } from "@medusajs/framework/utils"
import { createInventoryLevelsWorkflow, createProductsWorkflow } from "@medusajs/medusa/core-flows"
import { createAdWorkflow } from "../src/workflows/ad"
import { createOfferWorkflow } from "../src/workflows/offer"

type Container = ExecArgs["container"]

export type DemoCatalog = {
  eventId: string
  vipVariantId: string
  generalVariantId: string
  salesChannelId: string
  locationId: string
  shippingProfileId: string
  assetBaseUrl: string
}

/** A merchandise product the T-shirt offer sells, with its own stock. */
async function createMerchandise(container: Container, catalog: DemoCatalog) {
  const { result } = await createProductsWorkflow(container).run({
    input: {
      products: [
        {
          title: "Conference T-shirt",
          handle: "summer-tech-conference-2026-tshirt",
          status: ProductStatus.PUBLISHED,
          shipping_profile_id: catalog.shippingProfileId,
          options: [{ title: "Size", values: ["M"] }],
          variants: [
            {
              title: "M",
              sku: "STC26-TEE-M",
              manage_inventory: true,
              options: { Size: "M" },
              prices: [{ amount: 29, currency_code: "eur" }],
            },
          ],
          sales_channels: [{ id: catalog.salesChannelId }],
        },
      ],
    },
  })
  return result[0]
}

/** Sample offers and ads for the demo event. */
export async function seedMonetization(container: Container, catalog: DemoCatalog, inventoryItemOf: (variantId: string) => Promise<string>) {
  const tee = await createMerchandise(container, catalog)
  const teeVariantId = tee.variants[0].id
  await createInventoryLevelsWorkflow(container).run({
    input: {
      inventory_levels: [
        { location_id: catalog.locationId, inventory_item_id: await inventoryItemOf(teeVariantId), stocked_quantity: 100 },
      ],
    },
  })

  const offers = [
    {
      title: "Upgrade to VIP",
      description: "Front rows, the speakers' dinner and the recordings.",
      offer_type: "TICKET_UPGRADE" as const,
      variant_id: catalog.vipVariantId,
      price: 199,
      original_price: 399,
      placement: "POST_PURCHASE" as const,
      target_ticket_tiers: [catalog.generalVariantId],
      inventory_total: 10,
    },
    {
      title: "Conference T-shirt",
      description: "Organic cotton, picked up at the venue.",
      offer_type: "MERCHANDISE" as const,
      variant_id: teeVariantId,
      price: 19,
      original_price: 29,
      placement: "CHECKOUT" as const,
      target_ticket_tiers: [],
      inventory_total: 5,
    },
  ]
  for (const offer of offers) {
    await createOfferWorkflow(container).run({
      input: { ...offer, event_id: catalog.eventId, currency_code: "eur", is_active: true },
    })
  }

  const ads = [
    {
      name: "CloudCo — hero banner",
      sponsor_name: "CloudCo",
      media_url: `${catalog.assetBaseUrl}/ads/cloudco.svg`,
      placements: ["EVENT_HERO" as const],
      weight: 3,
      pricing_model: "CPM" as const,
      rate: 12,
    },
    {
      name: "PayFast — hero banner",
      sponsor_name: "PayFast",
      media_url: `${catalog.assetBaseUrl}/ads/payfast.svg`,
      placements: ["EVENT_HERO" as const, "SIDEBAR" as const],
      weight: 1,
      pricing_model: "CPC" as const,
      rate: 0.5,
    },
  ]
  for (const ad of ads) {
    await createAdWorkflow(container).run({
      input: {
        ...ad,
        event_id: catalog.eventId,
        content_type: "BANNER",
        click_url: "https://example.com/sponsor",
        display_duration_seconds: 8,
        aspect_ratio: "4:1",
        target_sessions: [],
        frequency_cap: 20,
        frequency_window_hours: 24,
        is_active: true,
        currency_code: "eur",
      },
    })
  }
}
