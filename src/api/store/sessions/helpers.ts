import type { MedusaResponse } from "@medusajs/framework/http"
import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MedusaError, Modules } from "@medusajs/framework/utils"
import { WAITLIST_MODULE } from "../../../modules/waitlist"
import type WaitlistModuleService from "../../../modules/waitlist/service"
import type { WaitlistEntryRow } from "../../../modules/waitlist/types"

/** The contract's waitlist entry: position, total and ETA, plus `offer.expires_at` while offered. */
export async function serializeEntry(container: MedusaContainer, entry: WaitlistEntryRow) {
  const waitlist: WaitlistModuleService = container.resolve(WAITLIST_MODULE)
  const position = await waitlist.positionOf(entry)
  return {
    id: entry.id,
    session_id: entry.session_id,
    customer_id: entry.customer_id,
    quantity: entry.quantity,
    status: entry.status,
    ...position,
    offer: entry.status === "OFFERED" ? { expires_at: new Date(entry.offer_expires_at as Date).toISOString() } : null,
    cart_id: entry.cart_id,
    checkout_expires_at: entry.status === "ACCEPTED" && !entry.consumed_at ? entry.checkout_expires_at : null,
    accept_partial: entry.accept_partial,
    joined_at: entry.created_at,
  }
}

/**
 * Medusa's error handler replaces the message of every CONFLICT (409) with a generic text about
 * idempotency keys, and a plugin must not define its own handler: a route whose workflow may
 * refuse with 409 runs it with `throwOnError: false` and answers that refusal itself, with the
 * plugin's message. Any other error is thrown on to Medusa's handler.
 */
export function answerConflict(res: MedusaResponse, errors: { error?: unknown }[] | undefined): boolean {
  const error = errors?.[0]?.error as { type?: string; message?: string } | undefined
  if (!error) {
    return false
  }
  if (error.type === MedusaError.Types.CONFLICT) {
    res.status(409).json({ type: MedusaError.Types.CONFLICT, message: error.message })
    return true
  }
  throw error
}

export async function requireEntry(container: MedusaContainer, variantId: string, customerId: string) {
  const waitlist: WaitlistModuleService = container.resolve(WAITLIST_MODULE)
  const entry = await waitlist.findLatestEntry(variantId, customerId)
  if (!entry) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, "You are not on this session's waitlist")
  }
  return entry
}

/** The region for a waitlist cart: the one asked for, else the store's default, else the first. */
export async function resolveCartRegion(container: MedusaContainer, regionId?: string): Promise<string> {
  if (regionId) {
    return regionId
  }
  const store = await container.resolve(Modules.STORE).listStores({}, { take: 1 })
  if (store[0]?.default_region_id) {
    return store[0].default_region_id
  }
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({ entity: "region", fields: ["id"], pagination: { take: 1, skip: 0 } })
  if (!data[0]) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, "No region is configured for the cart")
  }
  return data[0].id
}
