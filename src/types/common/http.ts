/** The envelope of every list: `{ <plural>, count, offset, limit }` (the limit asked, not the rows returned). */
export type PaginatedResponse<T> = T & { count: number; offset: number; limit: number }

/** A batch item the server refused, by its place in the batch. */
export type RejectedItem = { index: number; reason: string }

/** The 202 body of every batch endpoint (track, impressions, A/B track): accepted events are already durable. */
export type IngestionReceipt = {
  status: "accepted"
  queued: number
  accepted: number
  duplicates: number
  rejected: RejectedItem[]
}
