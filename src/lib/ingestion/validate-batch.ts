import { z } from "@medusajs/framework/zod"

export type RejectedItem = { index: number; reason: string }

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
    const problem =
      nulCharacterProblem(parsed.data) ??
      (timestamp && window ? checkTimestamp(timestamp, window) : null) ??
      check?.(parsed.data) ??
      null
    if (problem) {
      rejected.push({ index, reason: problem })
      return
    }
    valid.push({ index, value: parsed.data })
  })
  return { valid, rejected }
}

/** Postgres text and jsonb cannot hold U+0000: such an event would fail the statement that stores its batch. */
function nulCharacterProblem(value: unknown): string | null {
  const path = pathToNul(value)
  return path === null ? null : `${path.join(".") || "value"}: contains a NUL character (\\u0000), which cannot be stored`
}

/** Where the first U+0000 is, in a string or an object's keys and values; null when there is none. */
function pathToNul(value: unknown): string[] | null {
  if (typeof value === "string") {
    return value.includes("\u0000") ? [] : null
  }
  if (value === null || typeof value !== "object" || value instanceof Date) {
    return null
  }
  for (const key in value) {
    const below = key.includes("\u0000") ? [] : pathToNul((value as Record<string, unknown>)[key])
    if (below) {
      return [key, ...below]
    }
  }
  return null
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
