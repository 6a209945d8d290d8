import type { DayRange } from "../../../modules/monetization-event/analytics-types"

/** One dated amount of net revenue attributed to an offer or an ad (major units). */
export type RevenueLine = {
  date: string
  entity_id: string
  amount: number
  currency_code: string | null
}

/** What a revenue source found; `available` is false when its module is not installed. */
export type RevenueReport = {
  available: boolean
  lines: RevenueLine[]
}

export type RevenueRange = DayRange

export const UNAVAILABLE: RevenueReport = { available: false, lines: [] }

const DAY_MS = 86_400_000

/** Start (inclusive) and end (exclusive) instants of a UTC day range. */
export function rangeBounds(range: RevenueRange): { from: Date; to: Date } {
  return {
    from: new Date(`${range.date_from}T00:00:00.000Z`),
    to: new Date(Date.parse(`${range.date_to}T00:00:00.000Z`) + DAY_MS),
  }
}

export const utcDay = (value: Date | string) => new Date(value).toISOString().slice(0, 10)

/** Reads an amount whether it arrives as a number, a numeric string or a BigNumber-like object. */
export function toAmount(value: unknown): number {
  if (value === null || value === undefined) {
    return 0
  }
  if (typeof value === "number") {
    return value
  }
  if (typeof value === "string") {
    return Number(value) || 0
  }
  if (typeof value === "object") {
    const candidate = value as { numeric?: unknown; value?: unknown; toJSON?: () => unknown }
    if (typeof candidate.numeric === "number") {
      return candidate.numeric
    }
    if (candidate.value !== undefined) {
      return toAmount(candidate.value)
    }
    if (typeof candidate.toJSON === "function") {
      return toAmount(candidate.toJSON())
    }
  }
  return 0
}
