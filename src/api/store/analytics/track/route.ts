import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { buildReceipt } from "../../../../lib/ingestion/receipt"
import { readClientContext } from "../../../../lib/ingestion/client-context"
import { validateBatch } from "../../../../lib/ingestion/validate-batch"
import { recordClientEvents } from "../../../../workflows/monetization-event"
import { assertBatchSize, ingestionWindow } from "../../../../lib/ingestion/window"
import { metadataProblem } from "../../../../lib/ingestion/metadata-limits"
import { ingestionOptions } from "../../../../lib/resolve-options"
import { StoreTrackBatchType, StoreTrackEvent, StoreTrackEventType } from "./validators"
import { toMonetizationEventInput } from "./to-event-input"
import type { IngestionReceipt } from "../../../../types/common"

/** Client reports (OFFER_VIEW, OFFER_CLICK only; see CLIENT_EVENT_TYPES): 202 receipt, bad events rejected one by one. */
export const POST = async (req: MedusaRequest<StoreTrackBatchType>, res: MedusaResponse<IngestionReceipt>) => {
  await assertBatchSize(req.scope, req.validatedBody.events.length)
  const { maxMetadataBytes } = await ingestionOptions(req.scope)
  const { valid, rejected } = validateBatch<StoreTrackEventType>(
    req.validatedBody.events,
    StoreTrackEvent,
    (event) => event.timestamp,
    await ingestionWindow(req.scope),
    (event) => metadataProblem(event.metadata, maxMetadataBytes)
  )
  const context = readClientContext(req)
  const result = await recordClientEvents(
    req.scope,
    valid.map(({ value }) => toMonetizationEventInput(value, context))
  )
  res.status(202).json(buildReceipt(result.accepted, result.duplicates, rejected))
}
