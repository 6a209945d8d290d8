import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { readClientContext } from "../../../../lib/ingestion/client-context"
import { buildReceipt } from "../../../../lib/ingestion/receipt"
import { validateBatch } from "../../../../lib/ingestion/validate-batch"
import { assertBatchSize, ingestionWindow } from "../../../../lib/ingestion/window"
import { trackAbTestEventsWorkflow } from "../../../../workflows/abtest"
import { StoreAbTrackBatchType, StoreAbTrackEvent, StoreAbTrackEventType } from "../validators"
import type { IngestionReceipt } from "../../../../types/common"

/** Batch tracking of views, conversions and secondary metrics: 202 receipt, bad events rejected one by one. */
export const POST = async (req: MedusaRequest<StoreAbTrackBatchType>, res: MedusaResponse<IngestionReceipt>) => {
  await assertBatchSize(req.scope, req.validatedBody.events.length)
  const window = await ingestionWindow(req.scope)
  const { valid, rejected } = validateBatch<StoreAbTrackEventType>(
    req.validatedBody.events,
    StoreAbTrackEvent,
    (event) => event.timestamp,
    window
  )
  const { result } = await trackAbTestEventsWorkflow(req.scope).run({
    input: {
      events: valid.map(({ index, value }) => ({ ...value, index })),
      context: readClientContext(req),
      received_at: window.now,
    },
  })
  const allRejected = [...rejected, ...result.rejected].sort((a, b) => a.index - b.index)
  res.status(202).json(buildReceipt(result.accepted, result.duplicates, allRejected))
}
