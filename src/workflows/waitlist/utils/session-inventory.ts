import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MedusaError, Modules } from "@medusajs/framework/utils"
import { WAITLIST_MODULE } from "../../../modules/waitlist"
import type WaitlistModuleService from "../../../modules/waitlist/service"
import type { SessionInventory } from "../../../types/waitlists"

export type { SessionInventory }

type VariantRow = {
  id: string
  title: string | null
  manage_inventory: boolean
  product?: { id: string; title: string; status?: string } | null
  inventory_items?: {
    required_quantity: number
    inventory?: { location_levels?: { stocked_quantity: number; reserved_quantity: number }[] } | null
  }[]
}

export type SessionCapacity = Pick<
  SessionInventory,
  "session_id" | "product_id" | "title" | "capacity" | "sold" | "unreserved"
> & { published: boolean }

const VARIANT_FIELDS = [
  "id",
  "title",
  "manage_inventory",
  "product.id",
  "product.title",
  "product.status",
  "inventory_items.required_quantity",
  "inventory_items.inventory.location_levels.stocked_quantity",
  "inventory_items.inventory.location_levels.reserved_quantity",
]

/** Seats of a variant with managed inventory; null for a variant without managed capacity. */
function toCapacity(variant: VariantRow): SessionCapacity | null {
  if (!variant.manage_inventory || !variant.inventory_items?.length) {
    return null
  }
  const seats = (pick: (level: { stocked_quantity: number; reserved_quantity: number }) => number) =>
    Math.max(
      0,
      Math.min(
        ...variant.inventory_items!.map((item) => {
          const levels = item.inventory?.location_levels ?? []
          const total = levels.reduce((sum, level) => sum + pick(level), 0)
          return Math.floor(total / Math.max(1, Number(item.required_quantity)))
        })
      )
    )
  const capacity = seats((level) => Number(level.stocked_quantity))
  const unreserved = seats((level) => Number(level.stocked_quantity) - Number(level.reserved_quantity))
  return {
    session_id: variant.id,
    product_id: variant.product?.id ?? "",
    title: [variant.product?.title, variant.title].filter(Boolean).join(" – "),
    capacity,
    sold: Math.max(0, capacity - unreserved),
    unreserved,
    published: variant.product?.status === "published",
  }
}

/** Capacity of many sessions in one query; sessions that are missing or unmanaged are absent. */
export async function listSessionCapacities(
  container: MedusaContainer,
  variantIds: string[]
): Promise<Map<string, SessionCapacity>> {
  if (!variantIds.length) {
    return new Map()
  }
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({ entity: "product_variant", fields: VARIANT_FIELDS, filters: { id: variantIds } })
  const capacities = (data as unknown as VariantRow[]).map(toCapacity).filter((row): row is SessionCapacity => !!row)
  return new Map(capacities.map((row) => [row.session_id, row]))
}

/** Reads a session (a product variant with managed inventory) and its seat counts. */
export async function getSessionInventory(container: MedusaContainer, variantId: string): Promise<SessionInventory> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({ entity: "product_variant", fields: VARIANT_FIELDS, filters: { id: variantId } })
  const variant = data[0] as unknown as VariantRow | undefined
  if (!variant) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Session ${variantId} was not found`)
  }
  const seats = toCapacity(variant)
  if (!seats) {
    throw new MedusaError(MedusaError.Types.NOT_ALLOWED, `Session ${variantId} has no managed capacity`)
  }
  const waitlist: WaitlistModuleService = container.resolve(WAITLIST_MODULE)
  const { held, waiting } = await waitlist.seatCounts(variantId)
  const offerable = Math.max(0, seats.unreserved - held)
  const plan = waiting
    ? await waitlist.planSeats({ session_id: variantId, free: offerable, unreserved: seats.unreserved })
    : null
  return {
    ...seats,
    held,
    waiting,
    public_available: plan ? plan.unclaimed : offerable,
    offerable,
  }
}

/** Runs `job` holding the session's waitlist lock (Medusa's locking module: Redis in production). */
export async function withSessionLock<T>(container: MedusaContainer, variantId: string, job: () => Promise<T>): Promise<T> {
  const locking = container.resolve(Modules.LOCKING)
  return locking.execute(`waitlist:session:${variantId}`, job, { timeout: 10 })
}
