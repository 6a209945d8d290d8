import type { ExecArgs } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { createShippingOptionsWorkflow } from "@medusajs/medusa/core-flows"

type Container = ExecArgs["container"]

export type PickupInput = { locationId: string; shippingProfileId: string; regionId: string; countries: string[] }

/**
 * Merchandise is collected at the venue: a free "pick up at the venue" shipping option
 * (manual fulfillment) so a cart with a T-shirt completes like any Medusa order.
 */
export async function seedVenuePickup(container: Container, input: PickupInput) {
  const fulfillment = container.resolve(Modules.FULFILLMENT)
  const link = container.resolve(ContainerRegistrationKeys.LINK)
  const fulfillmentSet = await fulfillment.createFulfillmentSets({
    name: "Venue pickup",
    type: "pickup",
    service_zones: [
      {
        name: "Attendees",
        geo_zones: input.countries.map((country_code) => ({ type: "country" as const, country_code })),
      },
    ],
  })
  await link.create([
    {
      [Modules.STOCK_LOCATION]: { stock_location_id: input.locationId },
      [Modules.FULFILLMENT]: { fulfillment_set_id: fulfillmentSet.id },
    },
    {
      [Modules.STOCK_LOCATION]: { stock_location_id: input.locationId },
      [Modules.FULFILLMENT]: { fulfillment_provider_id: "manual_manual" },
    },
  ])
  await createShippingOptionsWorkflow(container).run({
    input: [
      {
        name: "Pick up at the venue",
        price_type: "flat",
        provider_id: "manual_manual",
        service_zone_id: fulfillmentSet.service_zones[0].id,
        shipping_profile_id: input.shippingProfileId,
        type: { label: "Venue pickup", description: "Collect it at the merchandise desk.", code: "venue-pickup" },
        prices: [
          { currency_code: "eur", amount: 0 },
          { region_id: input.regionId, amount: 0 },
        ],
        rules: [
          { attribute: "enabled_in_store", value: "true", operator: "eq" },
          { attribute: "is_return", value: "false", operator: "eq" },
        ],
      },
    ],
  })
}
