import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import type { MedusaContainer } from "@medusajs/framework/types"
import type { DayRange } from "../../../modules/monetization-event/analytics-types"

type Named = { id: string; title?: string; name?: string }
type Lister = (filters: Record<string, unknown>, config: Record<string, unknown>) => Promise<Named[]>

/** Offers and ads are optional modules: each is asked only when the host installed it. */
const SOURCES = [
  { module: "offer", method: "listOffers", field: "title" },
  { module: "ad", method: "listAds", field: "name" },
] as const

async function namesFrom(container: MedusaContainer, source: (typeof SOURCES)[number], productId: string) {
  if (!container.hasRegistration(source.module)) {
    return []
  }
  const service = container.resolve(source.module) as Record<string, Lister>
  // Archived offers and ads still earned what the dashboard shows.
  const rows = await service[source.method](
    { event_id: productId },
    { select: ["id", source.field], take: null, withDeleted: true }
  )
  return rows.map((row) => [row.id, String(row[source.field] ?? row.id)] as const)
}

/**
 * The event's own offers and ads (titles and names by id): the only entities that can be top
 * performers. Entity ids in the rollup are whatever clients sent; these come from the server's rows.
 */
export const getPerformerNamesStep = createStep("get-performer-names", async (range: DayRange, { container }) => {
  const entries = await Promise.all(SOURCES.map((source) => namesFrom(container, source, range.event_id)))
  return new StepResponse(Object.fromEntries(entries.flat()) as Record<string, string>)
})
