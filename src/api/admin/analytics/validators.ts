import { z } from "@medusajs/framework/zod"

/** The longest range one dashboard request may cover, in days (both ends included). */
export const MAX_DASHBOARD_RANGE_DAYS = 366
/** The range used when the query names no dates: the last 30 UTC days, today included. */
export const DEFAULT_DASHBOARD_RANGE_DAYS = 30

const DAY_MS = 86_400_000
const ISO_DATE = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})?)?$/

export const toUtcDay = (date: Date) => date.toISOString().slice(0, 10)

/** Days from `from` to `to`, both included ('YYYY-MM-DD' UTC). */
export const daysBetween = (from: string, to: string) =>
  Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS) + 1

// A plain date is a UTC day; a date-time is reduced to the UTC day it falls on.
const isoDay = z
  .string()
  .regex(ISO_DATE, "must be an ISO 8601 date (YYYY-MM-DD) or date-time")
  .refine((value) => {
    const parsed = new Date(value.length === 10 ? `${value}T00:00:00Z` : value)
    return !Number.isNaN(parsed.getTime()) && (value.length !== 10 || toUtcDay(parsed) === value)
  }, "is not a valid calendar date")
  .transform((value) => toUtcDay(new Date(value.length === 10 ? `${value}T00:00:00Z` : value)))

export const AdminGetMonetizationDashboardParams = z
  .object({ date_from: isoDay.optional(), date_to: isoDay.optional() })
  .strict()
  .transform(({ date_from, date_to }) => {
    const to = date_to ?? toUtcDay(new Date())
    const from =
      date_from ?? toUtcDay(new Date(Date.parse(`${to}T00:00:00Z`) - (DEFAULT_DASHBOARD_RANGE_DAYS - 1) * DAY_MS))
    return { date_from: from, date_to: to }
  })
  .superRefine(({ date_from, date_to }, ctx) => {
    if (date_from > date_to) {
      ctx.addIssue({ code: "custom", path: ["date_from"], message: "date_from must not be after date_to" })
    } else if (daysBetween(date_from, date_to) > MAX_DASHBOARD_RANGE_DAYS) {
      ctx.addIssue({
        code: "custom",
        path: ["date_to"],
        message: `the range may cover at most ${MAX_DASHBOARD_RANGE_DAYS} days`,
      })
    }
  })
export type AdminGetMonetizationDashboardParamsType = z.infer<typeof AdminGetMonetizationDashboardParams>

export const AdminGetLatestAnalyticsEventParams = z.object({}).strict()
