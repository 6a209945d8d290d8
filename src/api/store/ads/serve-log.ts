import type { Logger, MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { AdServeRecord, trackAdServeWorkflow } from "../../../workflows/ad"

/** How long a serve record waits for others before its batch is written. */
export const SERVE_LOG_FLUSH_MS = 250
/** The most serve records one workflow run writes. */
export const SERVE_LOG_MAX_BATCH = 200

/**
 * The AD_SERVE log of this process: answers are recorded in batches, one workflow
 * run per flush, because a workflow run per request cost more CPU than choosing the
 * ads. Records still waiting when the process dies are lost; AD_SERVE is a delivery
 * statistic, billing counts impressions and clicks.
 */
class AdServeLog {
  protected pending_: AdServeRecord[] = []
  protected timer_: NodeJS.Timeout | null = null
  protected scope_: MedusaContainer | null = null

  add(scope: MedusaContainer, record: AdServeRecord) {
    this.pending_.push(record)
    this.scope_ = scope
    if (this.pending_.length >= SERVE_LOG_MAX_BATCH) {
      this.flush()
    } else if (!this.timer_) {
      this.timer_ = setTimeout(() => this.flush(), SERVE_LOG_FLUSH_MS)
      this.timer_.unref()
    }
  }

  protected flush() {
    if (this.timer_) {
      clearTimeout(this.timer_)
      this.timer_ = null
    }
    const serves = this.pending_.splice(0, this.pending_.length)
    const scope = this.scope_
    if (!serves.length || !scope) {
      return
    }
    trackAdServeWorkflow(scope)
      .run({ input: { serves } })
      .catch((error: Error) =>
        scope
          .resolve<Logger>(ContainerRegistrationKeys.LOGGER)
          .warn(`ads: could not record ${serves.length} AD_SERVE answers: ${error.message}`)
      )
  }
}

export const adServeLog = new AdServeLog()
