import { z } from "@medusajs/framework/zod"
import type { RejectedItem } from "../../types/common"

export type { RejectedItem }

export type TimeWindow = { maxFutureMs: number; maxPastMs: number; now: Date }

/**
 * Validates each item on its own so one bad event never sinks the rest of the batch;
 * `check` adds a rule of the caller's (e.g. size limits from the options).
 */
export function validateBatch<T>(
  items: unknown[],
  schema: z.ZodType<T>,
  timestampOf?: (item: T) => Date | undefined,
  window?: TimeWindow,
  check?: (item: T) => string | null
): { valid: { index: number; value: T }[]; rejected: RejectedItem[] } {
  const valid: { index: number; value: T }[] = []
  const rejected: RejectedItem[] = []
  items.forEach((item, index) => {
    const parsed = schema.safeParse(item)
    if (!parsed.success) {
      rejected.push({ index, reason: describeIssue(parsed.error.issues[0]) })
      return
    }
    const timestamp = timestampOf?.(parsed.data)
    const problem = (timestamp && window ? checkTimestamp(timestamp, window) : null) ?? check?.(parsed.data) ?? null
    if (problem) {
      rejected.push({ index, reason: problem })
      return
    }
    valid.push({ index, value: parsed.data })
  })
  return { valid, rejected }
}

function describeIssue(issue: z.core.$ZodIssue): string {
  const path = issue.path.join(".")
  return path ? `${path}: ${issue.message}` : issue.message
}

function checkTimestamp(timestamp: Date, { maxFutureMs, maxPastMs, now }: TimeWindow): string | null {
  const delta = timestamp.getTime() - now.getTime()
  if (delta > maxFutureMs) {
    return "timestamp: too far in the future"
  }
  if (-delta > maxPastMs) {
    return "timestamp: too far in the past"
  }
  return null
}
