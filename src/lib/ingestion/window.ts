import type { MedusaContainer } from "@medusajs/framework/types"
import { MedusaError } from "@medusajs/framework/utils"
import { ingestionOptions } from "../resolve-options"
import { TimeWindow } from "./validate-batch"

/** How far from now a client timestamp may be, from the plugin options. */
export async function ingestionWindow(container: MedusaContainer): Promise<TimeWindow> {
  const options = await ingestionOptions(container)
  return {
    now: new Date(),
    maxFutureMs: options.maxFutureSkewMinutes * 60_000,
    maxPastMs: options.maxEventAgeDays * 86_400_000,
  }
}

export async function assertBatchSize(container: MedusaContainer, size: number) {
  const { maxBatchSize } = await ingestionOptions(container)
  if (size > maxBatchSize) {
    throw new MedusaError(
      MedusaError.Types.INVALID_DATA,
      `A batch holds at most ${maxBatchSize} events; got ${size}`
    )
  }
}
