import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import type { MedusaContainer } from "@medusajs/framework/types"
import type { EntityCount } from "../../../modules/monetization-event/analytics-types"

type Named = { id: string; title?: string; name?: string }
type Lister = (filters: Record<string, unknown>, config: Record<string, unknown>) => Promise<Named[]>

/** Offers and ads are optional modules: each is asked only when the host installed it. */
const SOURCES = [
  { prefix: "OFFER_", module: "offer", method: "listOffers", field: "title" },
  { prefix: "AD_", module: "ad", method: "listAds", field: "name" },
] as const

async function namesFrom(container: MedusaContainer, source: (typeof SOURCES)[number], ids: string[]) {
  if (!ids.length || !container.hasRegistration(source.module)) {
    return []
  }
  const service = container.resolve(source.module) as Record<string, Lister>
  // Archived offers and ads still earned what the dashboard shows.
  const rows = await service[source.method]({ id: ids }, { select: ["id", source.field], withDeleted: true })
  return rows.map((row) => [row.id, String(row[source.field] ?? row.id)] as const)
}

/** Display names (offer titles, ad names) of the entities the counts mention, by id. */
export const getPerformerNamesStep = createStep(
  "get-performer-names",
  async (counts: EntityCount[], { container }) => {
    const entries = await Promise.all(
      SOURCES.map((source) => {
        const ids = [...new Set(counts.filter((c) => c.type.startsWith(source.prefix)).map((c) => c.entity_id))]
        return namesFrom(container, source, ids)
      })
    )
    return new StepResponse(Object.fromEntries(entries.flat()) as Record<string, string>)
  }
)
