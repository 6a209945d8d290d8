import type { MedusaContainer } from "@medusajs/framework/types"
import { MONETIZATION_EVENT_MODULE } from "../../../modules/monetization-event"
import type MonetizationEventModuleService from "../../../modules/monetization-event/service"
import { IngestResult, MonetizationEventInput } from "../../../modules/monetization-event/types"
import { forwardToAnalyticsModule } from "./forward-to-analytics-module"

/**
 * The storefront's tracking batches, without the workflow engine: the batch and its
 * rollups are one autocommitted `INSERT … ON CONFLICT` that commits whole or not at
 * all, and nothing runs after it that could fail and need it undone (forwarding never
 * fails ingestion), so there is nothing to compensate. The engine's run record and
 * per-step copies of the batch were a third of the route's CPU (bench/notes/ingestion-profile.md).
 * Under load, concurrent requests' batches share a statement and its commit (IngestCoalescer).
 * Internal callers that compose ingestion with other steps use `trackMonetizationEventsWorkflow`.
 */
export async function recordClientEvents(
  container: MedusaContainer,
  events: MonetizationEventInput[]
): Promise<IngestResult> {
  const service: MonetizationEventModuleService = container.resolve(MONETIZATION_EVENT_MODULE)
  const result = await service.ingestCoalesced(events)
  await forwardToAnalyticsModule(container, events, result.inserted_client_event_ids)
  return result
}
