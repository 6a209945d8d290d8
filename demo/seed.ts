import type { ExecArgs, RemoteQueryFunction } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules, ProductStatus } from "@medusajs/framework/utils"
import {
  createApiKeysWorkflow,
  createInventoryLevelsWorkflow,
  createProductsWorkflow,
  createRegionsWorkflow,
  createSalesChannelsWorkflow,
  createShippingProfilesWorkflow,
  createStockLocationsWorkflow,
  createUserAccountWorkflow,
  linkSalesChannelsToApiKeyWorkflow,
  linkSalesChannelsToStockLocationWorkflow,
  updateInventoryItemsWorkflow,
  updateStoresWorkflow,
} from "@medusajs/medusa/core-flows"
import fs from "fs"
import path from "path"
import { createAbTestWorkflow, startAbTestWorkflow } from "../src/workflows/abtest"
import { setWaitlistEnabledWorkflow } from "../src/workflows/waitlist"
import { seedMonetization } from "./seed-monetization"
import { seedVenuePickup } from "./seed-pickup"

export const DEMO_ADMIN = { email: "admin@example.com", password: "supersecret" }
export const DEMO_EVENT_HANDLE = "summer-tech-conference-2026"
export const DEMO_EXPERIMENT = {
  test_id: "hero-headline",
  variants: [
    { id: "control", weight: 1, headline: "Summer Tech Conference 2026 — Berlin, 2 days" },
    { id: "urgency", weight: 1, headline: "Only a few workshop seats left — book your ticket today" },
  ],
}

const TICKET_OPTION = "Ticket"
const REGION_COUNTRIES = ["de", "fr", "nl", "es", "it"]
const VARIANTS = [
  { title: "General Admission", sku: "STC26-GA", price: 149, stock: 200 },
  { title: "VIP", sku: "STC26-VIP", price: 399, stock: 50 },
  { title: "Workshop: Scaling Commerce", sku: "STC26-WS-SCALE", price: 59, stock: 3 },
  { title: "Workshop: Payments Deep Dive (full)", sku: "STC26-WS-PAY", price: 59, stock: 0 },
]

/** Seeds the demo once: store setup, an admin, an event product with tiers and sessions. */
export default async function seedDemo({ container }: ExecArgs) {
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const outputFile = process.env.DEMO_INFO_FILE || path.resolve(".demo-data/demo.json")

  const { data: existing } = await query.graph({
    entity: "product",
    fields: ["id"],
    filters: { handle: DEMO_EVENT_HANDLE },
  })
  if (existing.length) {
    writeDemoInfo(outputFile, await readDemoInfo(query))
    logger.info("Demo data already seeded")
    return
  }

  const { data: stores } = await query.graph({ entity: "store", fields: ["id"] })
  await updateStoresWorkflow(container).run({
    input: {
      selector: { id: stores[0].id },
      update: { supported_currencies: [{ currency_code: "eur", is_default: true }] },
    },
  })

  const { result: channels } = await createSalesChannelsWorkflow(container).run({
    input: { salesChannelsData: [{ name: "Event storefront" }] },
  })
  const channel = channels[0]
  const { result: keys } = await createApiKeysWorkflow(container).run({
    input: { api_keys: [{ title: "Demo storefront", type: "publishable", created_by: "seed" }] },
  })
  await linkSalesChannelsToApiKeyWorkflow(container).run({ input: { id: keys[0].id, add: [channel.id] } })

  const { result: regions } = await createRegionsWorkflow(container).run({
    input: {
      regions: [
        {
          name: "Europe",
          currency_code: "eur",
          countries: REGION_COUNTRIES,
          payment_providers: ["pp_stripe_stripe", "pp_system_default"],
        },
      ],
    },
  })

  const { result: locations } = await createStockLocationsWorkflow(container).run({
    input: { locations: [{ name: "Venue box office", address: { city: "Berlin", country_code: "DE", address_1: "" } }] },
  })
  await linkSalesChannelsToStockLocationWorkflow(container).run({
    input: { id: locations[0].id, add: [channel.id] },
  })

  const { result: profiles } = await createShippingProfilesWorkflow(container).run({
    input: { data: [{ name: "Merchandise", type: "default" }] },
  })

  const { result: products } = await createProductsWorkflow(container).run({
    input: {
      products: [
        {
          title: "Summer Tech Conference 2026",
          handle: DEMO_EVENT_HANDLE,
          description: "Two days of talks and hands-on workshops. Workshops have limited seats.",
          status: ProductStatus.PUBLISHED,
          options: [{ title: TICKET_OPTION, values: VARIANTS.map((v) => v.title) }],
          variants: VARIANTS.map((variant) => ({
            title: variant.title,
            sku: variant.sku,
            manage_inventory: true,
            options: { [TICKET_OPTION]: variant.title },
            prices: [{ amount: variant.price, currency_code: "eur" }],
          })),
          sales_channels: [{ id: channel.id }],
        },
      ],
    },
  })
  const event = products[0]

  const { data: variants } = await query.graph({
    entity: "product_variant",
    fields: ["id", "sku", "inventory_items.inventory_item_id"],
    filters: { product_id: event.id },
  })
  // Tickets are delivered digitally: no shipping method at checkout.
  await updateInventoryItemsWorkflow(container).run({
    input: {
      updates: variants.map((variant) => ({ id: variant.inventory_items![0]!.inventory_item_id, requires_shipping: false })),
    },
  })
  await createInventoryLevelsWorkflow(container).run({
    input: {
      inventory_levels: variants.map((variant) => ({
        location_id: locations[0].id,
        inventory_item_id: variant.inventory_items![0]!.inventory_item_id,
        stocked_quantity: VARIANTS.find((v) => v.sku === variant.sku)!.stock,
      })),
    },
  })

  await seedVenuePickup(container, {
    locationId: locations[0].id,
    shippingProfileId: profiles[0].id,
    regionId: regions[0].id,
    countries: REGION_COUNTRIES,
  })
  await createDemoAdmin(container)
  await createDemoExperiment(container, event.id)
  const variantIdOf = (sku: string) => variants.find((v) => v.sku === sku)!.id
  // Waitlists are opt-in per session: the demo's full workshop has one.
  await setWaitlistEnabledWorkflow(container).run({
    input: { scope: "session", ref_id: variantIdOf("STC26-WS-PAY"), enabled: true },
  })
  await seedMonetization(
    container,
    {
      eventId: event.id,
      vipVariantId: variantIdOf("STC26-VIP"),
      generalVariantId: variantIdOf("STC26-GA"),
      salesChannelId: channel.id,
      locationId: locations[0].id,
      shippingProfileId: profiles[0].id,
      assetBaseUrl: process.env.DEMO_STOREFRONT_URL || "http://localhost:8000",
    },
    async (variantId) => {
      const { data } = await query.graph({
        entity: "product_variant",
        fields: ["inventory_items.inventory_item_id"],
        filters: { id: variantId },
      })
      return data[0].inventory_items![0]!.inventory_item_id
    }
  )

  writeDemoInfo(outputFile, await readDemoInfo(query))
  logger.info(`Demo data seeded: event ${event.id} in region ${regions[0].id}`)
}

type Query = Omit<RemoteQueryFunction, symbol>

/** What the demo prints and the demo storefront needs, read back from the database. */
async function readDemoInfo(query: Query) {
  const { data: keys } = await query.graph({
    entity: "api_key",
    fields: ["token", "title", "sales_channels.id"],
    filters: { title: "Demo storefront" },
  })
  const { data: regions } = await query.graph({ entity: "region", fields: ["id"], filters: { name: "Europe" } })
  const { data: products } = await query.graph({
    entity: "product",
    fields: ["id", "variants.id", "variants.sku"],
    filters: { handle: DEMO_EVENT_HANDLE },
  })
  return {
    publishable_key: keys[0].token,
    sales_channel_id: keys[0].sales_channels?.[0]?.id,
    region_id: regions[0].id,
    event_id: products[0].id,
    variants: Object.fromEntries(products[0].variants.map((v: { sku: string; id: string }) => [v.sku, v.id])),
    admin: DEMO_ADMIN,
    experiment: DEMO_EXPERIMENT,
  }
}

function writeDemoInfo(file: string, info: Record<string, unknown>) {
  fs.mkdirSync(path.dirname(file), { recursive: true })
  fs.writeFileSync(file, JSON.stringify(info, null, 2))
}

async function createDemoAdmin(container: ExecArgs["container"]) {
  const auth = container.resolve(Modules.AUTH)
  const { authIdentity, error } = await auth.register("emailpass", {
    body: { email: DEMO_ADMIN.email, password: DEMO_ADMIN.password },
  } as Parameters<typeof auth.register>[1])
  if (error || !authIdentity) {
    throw new Error(`Could not create the demo admin: ${error}`)
  }
  await createUserAccountWorkflow(container).run({
    input: { userData: { email: DEMO_ADMIN.email }, authIdentityId: authIdentity.id },
  })
}

async function createDemoExperiment(container: ExecArgs["container"], eventId: string) {
  await createAbTestWorkflow(container).run({
    input: {
      test_id: DEMO_EXPERIMENT.test_id,
      event_id: eventId,
      name: "Hero headline",
      description: "Does an urgency headline sell more tickets than the plain one?",
      variants: DEMO_EXPERIMENT.variants.map(({ id, weight }) => ({ id, name: id, weight })),
      control_variant_id: "control",
      primary_goal: "conversion",
    },
  })
  await startAbTestWorkflow(container).run({ input: { test_id: DEMO_EXPERIMENT.test_id } })
}
