import { IngestResult, MonetizationEventInput } from "./types"

type Pending = {
  events: MonetizationEventInput[]
  resolve: (result: IngestResult) => void
  reject: (error: unknown) => void
}

export type IngestBatches = (batches: MonetizationEventInput[][]) => Promise<IngestResult[]>

/**
 * Group commit for tracking batches: while `maxInFlight` statements are running, batches that
 * arrive wait and leave together in the next statement (up to `maxRows` events), so a busy
 * server commits once for many requests instead of once per request. Below that load a batch
 * goes at once, waiting for nothing. Each caller still gets its own result, resolved only once
 * its statement has committed. A statement that fails is retried one batch at a time, so one
 * caller's bad batch never fails another's.
 */
export class IngestCoalescer {
  protected readonly queue_: Pending[] = []
  protected inFlight_ = 0

  constructor(
    protected readonly ingestBatches_: IngestBatches,
    protected readonly maxInFlight_: number,
    protected readonly maxRows_: number
  ) {}

  submit(events: MonetizationEventInput[]): Promise<IngestResult> {
    return new Promise((resolve, reject) => {
      this.queue_.push({ events, resolve, reject })
      this.drain_()
    })
  }

  protected drain_() {
    while (this.inFlight_ < this.maxInFlight_ && this.queue_.length) {
      this.inFlight_++
      void this.run_(this.take_()).finally(() => {
        this.inFlight_--
        this.drain_()
      })
    }
  }

  /** The queue's head and as many followers as fit in `maxRows` (the head always goes). */
  protected take_(): Pending[] {
    const taken = [this.queue_.shift()!]
    let rows = taken[0].events.length
    while (this.queue_.length && rows + this.queue_[0].events.length <= this.maxRows_) {
      const next = this.queue_.shift()!
      rows += next.events.length
      taken.push(next)
    }
    return taken
  }

  protected async run_(group: Pending[]) {
    try {
      const results = await this.ingestBatches_(group.map((pending) => pending.events))
      group.forEach((pending, i) => pending.resolve(results[i]))
    } catch (error) {
      if (group.length === 1) {
        group[0].reject(error)
        return
      }
      await Promise.all(group.map((pending) => this.run_([pending])))
    }
  }
}
