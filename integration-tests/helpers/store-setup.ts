import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import {
  createApiKeysWorkflow,
  createRegionsWorkflow,
  createSalesChannelsWorkflow,
  linkSalesChannelsToApiKeyWorkflow,
} from "@medusajs/medusa/core-flows"

export type StoreSetup = {
  publishableKey: string
  salesChannelId: string
  regionId: string
}

/** A sales channel, a publishable key linked to it and a EUR region with Stripe enabled. */
export async function createStoreSetup(
  container: MedusaContainer,
  { withStripe = true }: { withStripe?: boolean } = {}
): Promise<StoreSetup> {
  const { result: channels } = await createSalesChannelsWorkflow(container).run({
    input: { salesChannelsData: [{ name: "Tickets" }] },
  })
  const { result: keys } = await createApiKeysWorkflow(container).run({
    input: { api_keys: [{ title: "Storefront", type: "publishable", created_by: "test" }] },
  })
  await linkSalesChannelsToApiKeyWorkflow(container).run({
    input: { id: keys[0].id, add: [channels[0].id] },
  })
  const { result: regions } = await createRegionsWorkflow(container).run({
    input: {
      regions: [
        {
          name: "Europe",
          currency_code: "eur",
          countries: ["de", "fr"],
          payment_providers: withStripe ? ["pp_stripe_stripe"] : [],
        },
      ],
    },
  })
  return { publishableKey: keys[0].token, salesChannelId: channels[0].id, regionId: regions[0].id }
}

export function storeHeaders(setup: StoreSetup, token?: string) {
  return {
    headers: {
      "x-publishable-api-key": setup.publishableKey,
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
  }
}

export function resolveQuery(container: MedusaContainer) {
  return container.resolve(ContainerRegistrationKeys.QUERY)
}

export { Modules }
