import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { buildReceipt } from "../../../../lib/ingestion/receipt"
import { validateBatch } from "../../../../lib/ingestion/validate-batch"
import { assertBatchSize, ingestionWindow } from "../../../../lib/ingestion/window"
import { trackAdImpressionsWorkflow } from "../../../../workflows/ad"
import { readAdRequestContext } from "../request-context"
import { StoreAdImpression, StoreAdImpressionBatchType, StoreAdImpressionType } from "../validators"
import type { StoreAdImpressionReceipt } from "../../../../types/ads"

export const POST = async (req: MedusaRequest<StoreAdImpressionBatchType>, res: MedusaResponse<StoreAdImpressionReceipt>) => {
  await assertBatchSize(req.scope, req.validatedBody.impressions.length)
  const { valid, rejected } = validateBatch<StoreAdImpressionType>(
    req.validatedBody.impressions,
    StoreAdImpression,
    (impression) => impression.timestamp,
    await ingestionWindow(req.scope)
  )
  const { result } = await trackAdImpressionsWorkflow(req.scope).run({
    input: { items: valid, context: readAdRequestContext(req) },
  })
  const allRejected = [...rejected, ...result.rejected].sort((a, b) => a.index - b.index)
  res.status(202).json({
    ...buildReceipt(result.accepted, result.duplicates, allRejected),
    // Additions to the shared receipt: viewable upgrades of stored impressions, and IVT stored apart.
    upgraded: result.upgraded,
    invalid_traffic: result.ivt,
  })
}
