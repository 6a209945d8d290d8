import type { IAnalyticsModuleService, MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { MonetizationEventInput } from "../../../modules/monetization-event/types"

/**
 * Forwards newly stored events (never duplicates) to Medusa's Analytics Module
 * when the host configured one (e.g. PostHog). The plugin's own store stays the
 * source of truth, so a provider failure is logged, not allowed to fail ingestion.
 */
export async function forwardToAnalyticsModule(
  container: MedusaContainer,
  events: MonetizationEventInput[],
  insertedClientEventIds: string[]
): Promise<number> {
  if (!container.hasRegistration(Modules.ANALYTICS) || !insertedClientEventIds.length) {
    return 0
  }
  const analytics = container.resolve<IAnalyticsModuleService>(Modules.ANALYTICS)
  const stored = new Set(insertedClientEventIds)
  const fresh = events.filter((event) => stored.has(event.client_event_id))
  const results = await Promise.allSettled(
    fresh.map((event) =>
      analytics.track({
        event: event.type.toLowerCase(),
        actor_id: event.customer_id ?? event.session_token ?? undefined,
        properties: {
          entity_id: event.entity_id,
          event_id: event.event_id,
          client_event_id: event.client_event_id,
          occurred_at: new Date(event.occurred_at).toISOString(),
          source: event.source,
          ...(event.metadata ?? {}),
        },
      })
    )
  )
  const failed = results.filter((result) => result.status === "rejected").length
  if (failed) {
    container
      .resolve(ContainerRegistrationKeys.LOGGER)
      .warn(`monetization: ${failed} of ${fresh.length} events could not be forwarded to the Analytics Module`)
  }
  return fresh.length - failed
}
