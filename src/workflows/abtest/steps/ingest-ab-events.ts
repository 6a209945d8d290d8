import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ABTEST_MODULE } from "../../../modules/abtest"
import type AbTestModuleService from "../../../modules/abtest/service"
import { AbEventInput } from "../../../modules/abtest/types"

/** Stores A/B events in one statement; repeats (same dedup key in a test) count as duplicates. */
export const ingestAbEventsStep = createStep(
  "ingest-ab-events",
  async (rows: AbEventInput[], { container }) => {
    const service: AbTestModuleService = container.resolve(ABTEST_MODULE)
    const result = await service.ingestAbEvents(rows)
    return new StepResponse(result, result.inserted_ids)
  },
  async (insertedIds, { container }) => {
    if (!insertedIds?.length) {
      return
    }
    const service: AbTestModuleService = container.resolve(ABTEST_MODULE)
    await service.removeAbEvents(insertedIds)
  }
)
