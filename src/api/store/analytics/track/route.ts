import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { buildReceipt } from "../../../../lib/ingestion/receipt"
import { readClientContext } from "../../../../lib/ingestion/client-context"
import { validateBatch } from "../../../../lib/ingestion/validate-batch"
import { trackMonetizationEventsWorkflow } from "../../../../workflows/monetization-event"
import { assertBatchSize, ingestionWindow } from "../../../../lib/ingestion/window"
import { StoreTrackBatchType, StoreTrackEvent, StoreTrackEventType } from "./validators"
import { toMonetizationEventInput } from "./to-event-input"

export const POST = async (req: MedusaRequest<StoreTrackBatchType>, res: MedusaResponse) => {
  await assertBatchSize(req.scope, req.validatedBody.events.length)
  const { valid, rejected } = validateBatch<StoreTrackEventType>(
    req.validatedBody.events,
    StoreTrackEvent,
    (event) => event.timestamp,
    await ingestionWindow(req.scope)
  )
  const context = readClientContext(req)
  const { result } = await trackMonetizationEventsWorkflow(req.scope).run({
    input: { events: valid.map(({ value }) => toMonetizationEventInput(value, context)) },
  })
  res.status(202).json(buildReceipt(result.accepted, result.duplicates, rejected))
}
