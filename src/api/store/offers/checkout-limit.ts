import pLimit from "p-limit"

type Limit = ReturnType<typeof pLimit>
let current: { concurrency: number; limit: Limit } | undefined

/**
 * Checkouts (Medusa's cart and payment workflows, ~300 ms of CPU each) run at most
 * `concurrency` at a time per process, so that in a burst the purchase decisions, a few
 * milliseconds each, are not queued behind dozens of them on the event loop.
 */
export function checkoutLimit(concurrency: number): Limit {
  if (current?.concurrency !== concurrency) {
    current = { concurrency, limit: pLimit(concurrency) }
  }
  return current.limit
}
