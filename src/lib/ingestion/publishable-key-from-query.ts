import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { MedusaContainer } from "@medusajs/framework/types"
import { ApiKeyType, ContainerRegistrationKeys, MedusaError, PUBLISHABLE_KEY_HEADER } from "@medusajs/framework/utils"
import { LRUCache } from "lru-cache"

/** How long a key's lookup is trusted: a revoked key stops working within this time. */
export const PUBLISHABLE_KEY_CACHE_MS = 30_000

type PublishableKeyContext = { key: string; sales_channel_ids: string[] }

/**
 * Live keys and refused tokens are remembered apart, each bounded in size and age: a stream of
 * made-up keys only ever evicts other made-up keys, never a storefront's real one.
 */
const publishableKeyCache = {
  known: new LRUCache<string, PublishableKeyContext>({ max: 1_000, ttl: PUBLISHABLE_KEY_CACHE_MS }),
  refused: new LRUCache<string, true>({ max: 1_000, ttl: PUBLISHABLE_KEY_CACHE_MS }),
}

/** Medusa's publishable keys are `pk_` + 64 hex characters; anything far longer is not worth a lookup. */
const MAX_KEY_LENGTH = 256

async function lookUp(container: MedusaContainer, token: string): Promise<PublishableKeyContext | null> {
  if (token.length > MAX_KEY_LENGTH) {
    return null
  }
  const known = publishableKeyCache.known.get(token)
  if (known || publishableKeyCache.refused.has(token)) {
    return known ?? null
  }
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "api_key",
    fields: ["token", "revoked_at", "sales_channels_link.sales_channel_id"],
    filters: { token, type: ApiKeyType.PUBLISHABLE },
  })
  const key = data[0] as
    | { token: string; revoked_at: Date | string | null; sales_channels_link?: { sales_channel_id: string }[] }
    | undefined
  if (!key || (key.revoked_at && new Date(key.revoked_at) <= new Date())) {
    publishableKeyCache.refused.set(token, true)
    return null
  }
  const context = { key: key.token, sales_channel_ids: (key.sales_channels_link ?? []).map((link) => link.sales_channel_id) }
  publishableKeyCache.known.set(token, context)
  return context
}

/**
 * `navigator.sendBeacon` cannot set headers, so beacon routes (outside `/store`) take the
 * publishable key from `?x-publishable-api-key=` and check it as Medusa's store routes do,
 * remembering each answer for a short while: page-hide flushes come in bursts.
 */
export async function publishableKeyFromQuery(req: MedusaRequest, _res: MedusaResponse, next: MedusaNextFunction) {
  const token = req.query[PUBLISHABLE_KEY_HEADER]
  if (typeof token !== "string" || !token) {
    return next(
      new MedusaError(
        MedusaError.Types.NOT_ALLOWED,
        `Publishable API key required in the query string: ?${PUBLISHABLE_KEY_HEADER}=`
      )
    )
  }
  try {
    const context = await lookUp(req.scope, token)
    if (!context) {
      throw new MedusaError(MedusaError.Types.NOT_ALLOWED, "A valid publishable key is required to proceed with the request")
    }
    ;(req as MedusaRequest & { publishable_key_context?: PublishableKeyContext }).publishable_key_context = context
    next()
  } catch (error) {
    next(error)
  }
}
