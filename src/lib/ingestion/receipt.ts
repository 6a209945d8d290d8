import type { IngestionReceipt, RejectedItem } from "../../types/common"

export type { IngestionReceipt }

/** The 202 body every batch endpoint answers: accepted events are already durable. */
export function buildReceipt(accepted: number, duplicates: number, rejected: RejectedItem[]): IngestionReceipt {
  return { status: "accepted", queued: 0, accepted, duplicates, rejected }
}
